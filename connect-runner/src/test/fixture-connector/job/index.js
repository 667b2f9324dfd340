// Called by the scheduler (a POST with an empty body): logs "job ran" per call.
const http = require('node:http');

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'POST') {
      console.log('job ran');
    }
    res.writeHead(200).end();
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`job listening on port ${process.env.PORT}`);
});
