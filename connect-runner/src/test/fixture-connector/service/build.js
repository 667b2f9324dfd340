// The build of the service: writes what index.js reads, so a missing build shows.
const fs = require('node:fs');
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/build.json', JSON.stringify({ builtAt: new Date().toISOString() }));
console.log('service built into dist/');
