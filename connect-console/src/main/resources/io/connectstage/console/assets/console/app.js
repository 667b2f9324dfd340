// The console's entry point: a router over the location's hash (#/manage/connectors, ...), so
// that one page at / serves every screen and no token or secret ever appears in a URL.

import { session, signOut } from './api.js';
import { fill, h } from './dom.js';
import * as signin from './signin.js';
import * as connectors from './connectors.js';
import * as connector from './connector.js';
import * as create from './create.js';
import * as install from './install.js';
import * as installations from './installations.js';
import * as deployment from './deployment.js';
import * as marketplace from './marketplace.js';
import * as certification from './certification.js';

const ROUTES = [
  { pattern: /^\/manage\/connectors$/, screen: connectors },
  { pattern: /^\/manage\/connectors\/new$/, screen: create },
  { pattern: /^\/manage\/connectors\/([^/]+)(?:\/(details|preview-report|publish-report))?$/, screen: connector },
  { pattern: /^\/manage\/connectors\/([^/]+)\/install\/(preview|production)$/, screen: install },
  { pattern: /^\/manage\/installations$/, screen: installations },
  { pattern: /^\/manage\/certification$/, screen: certification },
  { pattern: /^\/marketplace$/, screen: marketplace },
  { pattern: /^\/marketplace\/([^/]+)$/, screen: { render: marketplace.renderConnector } },
  { pattern: /^\/marketplace\/([^/]+)\/(install)$/, screen: { render: (m, [id], ctx) => install.render(m, [id, 'marketplace'], ctx) } },
  { pattern: /^\/manage\/installations\/([^/]+)(?:\/(details|configuration|logs|build))?$/, screen: deployment },
];

const main = document.getElementById('main');
let leave = null;

function route() {
  if (leave) {
    leave();
    leave = null;
  }
  const s = session();
  header(s);
  const path = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  if (!s) {
    leave = signin.render(main, [], { go });
    return;
  }
  if (path === '/' || path === '/signin') {
    go('/manage/connectors');
    return;
  }
  // a screen of another project of the organization: #/manage/projects/KEY/... (or
  // #/marketplace/projects/KEY/...) is the screen at #/manage/... with that project's token
  const other = path.match(/^\/(manage|marketplace)\/projects\/([^/]+)(\/.*)$/);
  const project = other ? other[2] : s.projectKey;
  const inner = other ? '/' + other[1] + other[3] : path;
  if (s.projectKeys.includes(project)) {
    for (const r of ROUTES) {
      const m = inner.match(r.pattern);
      if (m) {
        leave = r.screen.render(main, m.slice(1), { go, session: s, project }) || null;
        return;
      }
    }
  }
  document.title = 'Not found · Connect';
  fill(main, h('h1', {}, 'Not found'),
    h('p', {}, 'The console has no screen at this address. ', h('a', { href: '#/manage/connectors' }, 'Manage connectors')));
}

function header(s) {
  document.getElementById('nav').hidden = !s;
  document.getElementById('sign-out').hidden = !s;
  fill(document.getElementById('who'), !s ? ''
    : s.projectKeys.length > 1 ? `${s.clientId} · organization: ${s.projectKeys.join(', ')}`
      : `${s.clientId} · project ${s.projectKey ?? '(none)'}`);
}

/** Goes to a screen; the screen's heading region takes the focus (for keyboard and screen readers). */
export function go(path) {
  if (location.hash === '#' + path) {
    route();
  } else {
    location.hash = '#' + path;
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  go('/signin');
});
window.addEventListener('hashchange', route);
route();
