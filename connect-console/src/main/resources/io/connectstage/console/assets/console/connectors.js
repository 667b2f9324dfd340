// Manage connectors → Organization connectors: the staged connectors of every project of the
// sign-in (connectors are per project; an organization sign-in reads each project with its own
// token), with their project, status and previewable status, kept current by polling, and the
// seed's three publishing actions.

import { at, call, PUBLISHING, update } from './api.js';
import { announce, errorBox, fill, h } from './dom.js';
import { previewable, status, when } from './format.js';
import { keepingFocus, poll } from './poll.js';
import { manageTabs } from './tabs.js';

export function render(main, params, { session }) {
  document.title = 'Organization connectors · Connect';
  const problem = h('div', { id: 'problem' });
  const table = h('div', { id: 'connectors' }, h('p', { class: 'empty' }, 'Loading…'));
  fill(main,
    h('h1', {}, 'Manage connectors'),
    manageTabs('connectors'),
    h('div', { class: 'toolbar' },
      h('a', { href: '#/manage/connectors/new', class: 'button primary', id: 'create-connector' }, 'Create connector')),
    problem, table);
  main.focus();

  let shown = null;
  const load = async () => {
    try {
      const query = '/connectors/drafts?limit=500&sort=' + encodeURIComponent('createdAt desc');
      const pages = await Promise.all(session.projectKeys.map(p => call('GET', query, undefined, p)));
      const results = pages.flatMap((page, i) => page.results.map(c => ({ project: session.projectKeys[i], c })));
      const text = JSON.stringify(results);
      if (text !== shown) {
        if (shown !== null) {
          announce('The list of connectors changed.');
        }
        shown = text;
        keepingFocus(() => fill(table, draw(results)));
      }
    } catch (e) {
      fill(problem, errorBox(e));
    }
  };
  const act = async (connector, project, what) => {
    fill(problem);
    try {
      await update(connector, PUBLISHING[what].actions, project);
      announce(`${PUBLISHING[what].label}: requested for ${connector.name}.`);
    } catch (e) {
      fill(problem, errorBox(e));
    }
    await load();
  };
  const draw = connectors => {
    if (connectors.length === 0) {
      return h('p', { class: 'empty' }, 'No connectors yet. Create one with "Create connector".');
    }
    return h('table', { id: 'connector-table' },
      h('caption', { class: 'visually-hidden' }, 'Organization connectors'),
      h('thead', {}, h('tr', {},
        ['Name', 'Key', 'Project', 'Status', 'Previewable status', 'Version', 'Last change', 'Actions'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, connectors.map(({ project, c }) => h('tr', { 'data-id': c.id, 'data-key': c.key ?? '', 'data-project': project },
        h('td', { class: 'name' }, h('a', {
          href: at(session, project, '/manage/connectors/' + encodeURIComponent(c.id)), 'data-focus': c.id + ':open',
        }, c.name)),
        h('td', { class: 'key' }, c.key ?? ''),
        h('td', { class: 'project' }, project),
        h('td', { class: 'status' }, status(c)),
        h('td', { class: 'previewable' }, previewable(c.isPreviewable)),
        h('td', { class: 'version' }, c.version),
        h('td', { class: 'modified' }, when(c.lastModifiedAt)),
        h('td', { class: 'actions' }, Object.entries(PUBLISHING).map(([what, p]) =>
          h('button', {
            type: 'button', 'data-action': what, 'data-focus': c.id + ':' + what,
            'aria-label': `${p.label}: ${c.name}`, onclick: () => act(c, project, what),
          }, p.label)))))));
  };
  return poll(load);
}
