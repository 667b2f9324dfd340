console.log(`preUndeploy ran: provider ${process.env.CONNECT_PROVIDER}`);
