// Receives Pub/Sub push requests: logs the decoded message, answers 204.
const http = require('node:http');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method !== 'POST') {
      res.writeHead(200).end('event application');
      return;
    }
    try {
      const push = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const data = Buffer.from(push.message.data ?? '', 'base64').toString('utf8');
      console.log(JSON.stringify({ severity: 'INFO', message: 'event received', data,
        attributes: push.message.attributes ?? {}, messageId: push.message.messageId }));
      res.writeHead(204).end();
    } catch (e) {
      console.error(`bad push request: ${e.message}`);
      res.writeHead(400).end();
    }
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`event listening on port ${process.env.PORT}, topic ${process.env.CONNECT_GCP_TOPIC_NAME}`);
});
