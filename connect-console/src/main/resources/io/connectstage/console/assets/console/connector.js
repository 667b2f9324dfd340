// A connector's page: its details and its Preview Report and Publish Report tabs (every report
// entry with its type and message), the publishing actions, kept current by polling.

import { at, call, draftPath, PUBLISHING, update } from './api.js';
import { announce, carried, errorBox, fill, h, safeLink } from './dom.js';
import { previewable, status, when } from './format.js';
import { keepingFocus, poll } from './poll.js';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'preview-report', label: 'Preview Report' },
  { id: 'publish-report', label: 'Publish Report' },
];

export function render(main, [id, tab = 'details'], { session, project }) {
  const problem = h('div', { id: 'problem' });
  const before = carried();
  if (before) {
    fill(problem, errorBox(before));
  }
  const body = h('div', { id: 'connector' }, h('p', { class: 'empty' }, 'Loading…'));
  fill(main,
    h('p', {}, h('a', { href: '#/manage/connectors' }, '← Organization connectors')),
    problem, body);
  main.focus();

  let shown = null;
  let current = null;
  const load = async () => {
    try {
      current = await call('GET', draftPath(id), undefined, project);
      const text = JSON.stringify(current);
      if (text !== shown) {
        if (shown !== null) {
          announce(`${current.name}: status ${status(current)}, previewable status ${previewable(current.isPreviewable)}.`);
        }
        shown = text;
        document.title = `${current.name} · Connect`;
        keepingFocus(() => fill(body, draw(current)));
      }
    } catch (e) {
      fill(problem, errorBox(e));
    }
  };
  const act = async what => {
    fill(problem);
    try {
      await update(current, PUBLISHING[what].actions, project);
      announce(`${PUBLISHING[what].label}: requested.`);
    } catch (e) {
      fill(problem, errorBox(e));
    }
    await load();
  };
  const draw = c => [
    h('h1', {}, c.name),
    h('div', { class: 'toolbar' }, Object.entries(PUBLISHING).map(([what, p]) =>
      h('button', { type: 'button', 'data-action': what, 'data-focus': what, onclick: () => act(what) }, p.label))),
    // the seed: "published for testing purposes: Deploy on Preview; for private use: Deploy on Production"
    h('div', { class: 'toolbar' },
      c.isPreviewable === 'true' ? h('a', {
        href: at(session, project, `/manage/connectors/${encodeURIComponent(c.id)}/install/preview`), class: 'button primary', id: 'deploy-preview',
      }, 'Deploy on Preview') : null,
      c.status === 'Published' ? h('a', {
        href: at(session, project, `/manage/connectors/${encodeURIComponent(c.id)}/install/production`), class: 'button primary', id: 'deploy-production',
      }, 'Deploy on Production') : null),
    h('nav', { class: 'tabs', 'aria-label': 'Connector' }, TABS.map(t =>
      h('a', {
        href: at(session, project, `/manage/connectors/${encodeURIComponent(c.id)}/${t.id}`), class: 'button', id: 'tab-' + t.id,
        'aria-current': t.id === tab ? 'page' : false, 'data-focus': 'tab-' + t.id,
      }, t.label))),
    tab === 'preview-report' ? report('Preview Report', c.previewableReport)
      : tab === 'publish-report' ? report('Publish Report', c.publishingReport)
        : details(c, project),
  ];
  return poll(load);
}

function details(c, project) {
  const creator = c.creator || {};
  const repository = c.repository || {};
  const rows = [
    ['Key', c.key],
    ['ID', c.id],
    ['Status', status(c)],
    ['Previewable status', previewable(c.isPreviewable)],
    ['Version', c.version],
    ['Description', c.description],
    ['Git repository', repository.url ? safeLink(repository.url) : null],
    ['Tag', repository.tag],
    ['Connector type', (c.integrationTypes || []).join(', ')],
    ['Supported regions', (c.supportedRegions || []).join(', ')],
    ['Private', c.private ? 'yes' : 'no'],
    ['Project', project],
    ['Private projects', (c.privateProjects || []).join(', ')],
    ['Contact email', creator.email],
    ['Title', creator.title],
    ['Contact name', creator.name],
    ['Company name', creator.company],
    ['Number of contributors', creator.noOfContributors],
    ['Documentation URL', c.documentationUrl ? safeLink(c.documentationUrl) : null],
    ['Has unpublished changes', c.hasChanges ? 'yes' : 'no'],
    ['Created', when(c.createdAt)],
    ['Last change', when(c.lastModifiedAt)],
  ];
  return h('section', { 'aria-labelledby': 'details-heading' },
    h('h2', { id: 'details-heading' }, 'Details'),
    h('dl', { class: 'details' }, rows
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [h('dt', {}, k), h('dd', { 'data-field': k }, v)])));
}

function report(title, value) {
  const entries = value && Array.isArray(value.entries) ? value.entries : [];
  const headingId = title.toLowerCase().replace(' ', '-') + '-heading';
  return h('section', { 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title),
    entries.length === 0 ? h('p', { class: 'empty' }, 'No entries.')
      : h('table', { class: 'report' },
        h('thead', {}, h('tr', {}, ['Type', 'Title', 'Message', 'Application', 'Time'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, entries.map(e => h('tr', {},
          h('td', { class: 'type' }, e.type ?? ''),
          h('td', {}, e.title ?? ''),
          h('td', { class: 'message' }, e.message ?? ''),
          h('td', {}, e.application ?? ''),
          h('td', {}, when(e.createdAt)))))));
}
