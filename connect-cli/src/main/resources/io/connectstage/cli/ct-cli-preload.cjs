'use strict';
// connectstage: points the official commercetools CLI, unmodified, at a local server.
// Loaded before the CLI with NODE_OPTIONS="--require /path/to/ct-cli-preload.cjs" (./connect cli-env prints it).
//
// CONNECTSTAGE_AUTH_URL     requests to https://auth.<region>.commercetools.com go here instead
//                           (the Connect API URL is the CLI's own CTP_CLI_CONNECT_API_URL)
// CONNECTSTAGE_CLI_POLL_MS  timers of 10 s or more (the CLI polls every 30-60 s) wait this long instead
const target = process.env.CONNECTSTAGE_AUTH_URL;
if (target) {
  const AUTH = /^https:\/\/auth\.[A-Za-z0-9.-]+\.commercetools\.com(?=[/?#]|$)/;
  const base = target.replace(/\/+$/, '');
  const rewrite = (url) => url.replace(AUTH, base);
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function connectstageFetch(input, init) {
    if (typeof input === 'string') {
      input = rewrite(input);
    } else if (input instanceof URL) {
      input = new URL(rewrite(input.href));
    } else if (input && typeof input.url === 'string' && AUTH.test(input.url)) {
      input = new Request(rewrite(input.url), input);
    }
    return originalFetch.call(this, input, init);
  };
}
const poll = process.env.CONNECTSTAGE_CLI_POLL_MS;
if (poll !== undefined && poll !== '') {
  const short = Number(poll);
  const util = require('node:util');
  const originalSetTimeout = globalThis.setTimeout;
  const shortened = function connectstageSetTimeout(fn, delay, ...args) {
    return originalSetTimeout.call(this, fn, typeof delay === 'number' && delay >= 10000 ? short : delay, ...args);
  };
  if (originalSetTimeout[util.promisify.custom]) {
    Object.defineProperty(shortened, util.promisify.custom, { value: originalSetTimeout[util.promisify.custom] });
  }
  globalThis.setTimeout = shortened;
}
