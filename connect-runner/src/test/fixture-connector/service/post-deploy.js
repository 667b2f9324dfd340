console.log(`postDeploy ran: provider ${process.env.CONNECT_PROVIDER}, service URL ${process.env.CONNECT_SERVICE_URL}`);
