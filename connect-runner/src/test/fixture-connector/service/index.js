// Answers every request with JSON: the configured GREETING, whether the secret is set (never its value).
const http = require('node:http');
const fs = require('node:fs');
const built = fs.existsSync('dist/build.json');

const server = http.createServer((req, res) => {
  console.log(JSON.stringify({ severity: 'INFO', message: 'request', method: req.method, path: req.url }));
  if (req.method === 'POST' && req.url.endsWith('/exit')) {
    // Lets a test see the runner restart an application that exits.
    res.writeHead(202).end();
    setTimeout(() => process.exit(3), 50);
    return;
  }
  const body = JSON.stringify({
    greeting: process.env.GREETING ?? null,
    sharedName: process.env.SHARED_NAME ?? null,
    secretSet: Boolean(process.env.SERVICE_SECRET),
    built,
    // the names only (never a value): shows that nothing else of the server's environment came in
    environmentNames: Object.keys(process.env).sort(),
    path: req.url,
  });
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`service listening on port ${process.env.PORT}`);
});
