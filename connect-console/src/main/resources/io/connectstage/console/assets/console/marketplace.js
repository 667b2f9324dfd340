// The Connect marketplace: Public Connectors (certified and listed) and Organization Connectors
// (published for this organization's projects), searched by keywords, names and creators through
// GET /connectors/search; "Learn more" opens a Connector's documentation, with "Install".

import { at, call } from './api.js';
import { errorBox, fill, h, safeLink } from './dom.js';
import { when } from './format.js';

// The API's private=false filters nothing (only private=true narrows), so one search is split here.
// An organization searches in each of its projects (a private Connector is seen only by its
// projects) and sees each Connector once, with the first project that sees it.
async function search(session, text, company) {
  const q = new URLSearchParams({ limit: '500' });
  if (company) {
    q.set('creator.company', company);
  } else if (text) {
    q.set('text', text);
  }
  const pages = await Promise.all(session.projectKeys.map(p => call('GET', '/connectors/search?' + q.toString(), undefined, p)));
  const seen = new Map();
  pages.forEach((page, i) => (page.results || []).forEach(c => {
    if (!seen.has(c.id)) {
      seen.set(c.id, { ...c, seenBy: session.projectKeys[i] });
    }
  }));
  return [...seen.values()];
}

export function render(main, params, { session }) {
  document.title = 'Connect marketplace · Connect';
  const problem = h('div', { id: 'problem' });
  const text = h('input', { id: 'marketplace-search', type: 'search', autocomplete: 'off' });
  const byCreator = h('input', { id: 'marketplace-by-creator', type: 'checkbox' });
  const publicList = h('div', { id: 'public-connectors' });
  const orgList = h('div', { id: 'organization-connectors' });
  const form = h('form', { role: 'search', class: 'toolbar', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'marketplace-search' }, 'Search by keywords or name'), text),
    h('div', { class: 'choice' }, byCreator, h('label', { for: 'marketplace-by-creator' }, 'Search by creator (company name)')),
    h('button', { type: 'submit', id: 'marketplace-go' }, 'Search'));
  const load = async () => {
    fill(problem);
    const t = text.value.trim();
    const company = byCreator.checked ? t : null;
    try {
      const found = await search(session, t, company);
      fill(publicList, cards(session, found.filter(c => !c.private), 'No Public Connectors match.'));
      fill(orgList, cards(session, found.filter(c => c.private), 'No Organization Connectors match. Publish one from Manage connectors.'));
    } catch (e) {
      fill(problem, errorBox(e));
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  fill(main,
    h('h1', {}, 'Connect marketplace'),
    h('div', { class: 'toolbar' }, h('a', { href: '#/manage/connectors', class: 'button' }, 'Manage connectors')),
    form, problem,
    h('section', { 'aria-labelledby': 'public-heading' }, h('h2', { id: 'public-heading' }, 'Public Connectors'), publicList),
    h('section', { 'aria-labelledby': 'org-heading' }, h('h2', { id: 'org-heading' }, 'Organization Connectors'), orgList));
  main.focus();
  load();
  return null;
}

function cards(session, connectors, empty) {
  if (connectors.length === 0) {
    return h('p', { class: 'empty' }, empty);
  }
  return h('ul', { class: 'cards' }, connectors.map(c => h('li', { class: 'card', 'data-key': c.key ?? '', 'data-id': c.id },
    h('h3', {}, c.name),
    h('p', { class: 'creator' }, (c.creator && (c.creator.company || c.creator.name || c.creator.email)) || ''),
    c.description ? h('p', {}, c.description) : null,
    h('a', {
      href: at(session, c.seenBy, '/marketplace/' + encodeURIComponent(c.id)), class: 'button', 'aria-label': `Learn more about ${c.name}`,
    }, 'Learn more'))));
}

/** "Learn more": a Connector's documentation, its applications and configuration keys, and Install. */
export function renderConnector(main, [id], { session, project }) {
  const problem = h('div', { id: 'problem' });
  const body = h('div', {}, h('p', { class: 'empty' }, 'Loading…'));
  fill(main, h('p', {}, h('a', { href: '#/marketplace' }, '← Connect marketplace')), problem, body);
  main.focus();
  (async () => {
    try {
      const c = await call('GET', '/connectors/' + encodeURIComponent(id), undefined, project);
      document.title = `${c.name} · Connect marketplace`;
      const creator = c.creator || {};
      const rows = [
        ['Creator', [creator.company, creator.name, creator.email].filter(v => v).join(' · ')],
        ['Documentation', c.documentationUrl ? safeLink(c.documentationUrl) : null],
        ['Connector type', (c.integrationTypes || []).join(', ')],
        ['Supported regions', (c.supportedRegions || []).join(', ')],
        ['Certified', c.certified ? 'yes' : 'no'],
        ['Version', c.version],
        ['Last change', when(c.lastModifiedAt)],
      ];
      fill(body,
        h('h1', {}, c.name),
        c.description ? h('p', { id: 'connector-description' }, c.description) : null,
        h('dl', { class: 'details' }, rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
          .map(([k, v]) => [h('dt', {}, k), h('dd', { 'data-field': k }, v)])),
        h('h2', {}, 'Applications and configuration'),
        (c.configurations || []).length === 0 ? h('p', { class: 'empty' }, 'No application configuration.')
          : (c.configurations || []).map(app => h('section', { 'data-application': app.applicationName },
            h('h3', {}, `${app.applicationName} (${app.applicationType ?? ''})`),
            h('table', { class: 'config-keys' },
              h('thead', {}, h('tr', {}, ['Key', 'Kind', 'Required', 'Default', 'Description'].map(t => h('th', { scope: 'col' }, t)))),
              h('tbody', {},
                (app.standardConfiguration || []).map(k => h('tr', {}, h('td', {}, k.key), h('td', {}, 'standard'),
                  h('td', {}, k.required ? 'yes' : 'no'), h('td', {}, k.default ?? ''), h('td', {}, k.description ?? ''))),
                (app.securedConfiguration || []).map(k => h('tr', {}, h('td', {}, k.key), h('td', {}, 'secured'),
                  h('td', {}, k.required ? 'yes' : 'no'), h('td', {}, ''), h('td', {}, k.description ?? ''))))))),
        h('div', { class: 'toolbar' },
          h('a', { href: at(session, project, '/marketplace/' + encodeURIComponent(c.id) + '/install'), class: 'button primary', id: 'marketplace-install' }, 'Install')));
    } catch (e) {
      fill(problem, errorBox(e));
    }
  })();
  return null;
}
