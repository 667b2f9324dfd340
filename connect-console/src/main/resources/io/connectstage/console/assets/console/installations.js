// Manage connectors → Installations: the Deployments of every project of the sign-in (each read
// with its project's token), with their connector, project, region, type, status and last change,
// kept current by polling (Queued → Deploying → Deployed, Undeploying → gone).

import { at, call } from './api.js';
import { announce, errorBox, fill, h } from './dom.js';
import { when } from './format.js';
import { keepingFocus, poll } from './poll.js';
import { manageTabs } from './tabs.js';

export function deploymentsPath(projectKey) {
  return '/' + encodeURIComponent(projectKey) + '/deployments';
}

export function render(main, params, { session }) {
  document.title = 'Installations · Connect';
  const problem = h('div', { id: 'problem' });
  const list = h('div', { id: 'installations' }, h('p', { class: 'empty' }, 'Loading…'));
  fill(main, h('h1', {}, 'Manage connectors'), manageTabs('installations'), problem, list);
  main.focus();

  let shown = null;
  const load = async () => {
    try {
      const query = '?limit=500&sort=' + encodeURIComponent('createdAt desc');
      const pages = await Promise.all(session.projectKeys.map(p => call('GET', deploymentsPath(p) + query, undefined, p)));
      const results = pages.flatMap((page, i) => page.results.map(d => ({ project: session.projectKeys[i], d })));
      const text = JSON.stringify(results);
      if (text !== shown) {
        if (shown !== null) {
          announce('The installations changed.');
        }
        shown = text;
        keepingFocus(() => fill(list, draw(results)));
      }
      fill(problem);
    } catch (e) {
      fill(problem, errorBox(e));
    }
  };
  const draw = deployments => {
    if (deployments.length === 0) {
      return h('p', { class: 'empty' }, 'No installations yet. Install a connector from its page: Deploy on Preview or Deploy on Production.');
    }
    return h('table', { id: 'installation-table' },
      h('caption', { class: 'visually-hidden' }, 'Installations'),
      h('thead', {}, h('tr', {},
        ['Connector', 'Deployment key', 'Project', 'Region', 'Type', 'Status', 'Last change'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, deployments.map(({ project, d }) => h('tr', { 'data-id': d.id, 'data-key': d.key ?? '', 'data-project': project },
        h('td', { class: 'connector' }, h('a', {
          href: at(session, project, '/manage/installations/' + encodeURIComponent(d.id)), 'data-focus': d.id,
        }, (d.connector && d.connector.name) || (d.connector && d.connector.key) || d.id)),
        h('td', { class: 'key' }, d.key ?? ''),
        h('td', { class: 'project' }, project),
        h('td', { class: 'region' }, d.deployedRegion ?? ''),
        h('td', { class: 'type' }, d.type ?? ''),
        h('td', { class: 'status' }, d.status ?? ''),
        h('td', { class: 'modified' }, when(d.lastModifiedAt))))));
  };
  return poll(load);
}
