// Manage connectors → Organization connectors: the project's staged connectors with their
// status and previewable status, kept current by polling, and the seed's three publishing actions.

import { call, PUBLISHING, update } from './api.js';
import { announce, errorBox, fill, h } from './dom.js';
import { previewable, status, when } from './format.js';
import { keepingFocus, poll } from './poll.js';
import { manageTabs } from './tabs.js';

export function render(main, params, { go }) {
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
      const page = await call('GET', '/connectors/drafts?limit=500&sort=' + encodeURIComponent('createdAt desc'));
      const text = JSON.stringify(page.results);
      if (text !== shown) {
        if (shown !== null) {
          announce('The list of connectors changed.');
        }
        shown = text;
        keepingFocus(() => fill(table, draw(page.results)));
      }
    } catch (e) {
      fill(problem, errorBox(e));
    }
  };
  const act = async (connector, what) => {
    fill(problem);
    try {
      await update(connector, PUBLISHING[what].actions);
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
        ['Name', 'Key', 'Status', 'Previewable status', 'Version', 'Last change', 'Actions'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, connectors.map(c => h('tr', { 'data-id': c.id, 'data-key': c.key ?? '' },
        h('td', { class: 'name' }, h('a', { href: '#/manage/connectors/' + encodeURIComponent(c.id), 'data-focus': c.id + ':open' }, c.name)),
        h('td', { class: 'key' }, c.key ?? ''),
        h('td', { class: 'status' }, status(c)),
        h('td', { class: 'previewable' }, previewable(c.isPreviewable)),
        h('td', { class: 'version' }, c.version),
        h('td', { class: 'modified' }, when(c.lastModifiedAt)),
        h('td', { class: 'actions' }, Object.entries(PUBLISHING).map(([what, p]) =>
          h('button', {
            type: 'button', 'data-action': what, 'data-focus': c.id + ':' + what,
            'aria-label': `${p.label}: ${c.name}`, onclick: () => act(c, what),
          }, p.label)))))));
  };
  return poll(load);
}
