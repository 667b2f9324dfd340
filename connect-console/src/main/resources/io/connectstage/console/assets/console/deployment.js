// One installation (Deployment): its details and configuration (secured values never shown:
// the API masks them and the console prints none), the App logs tab (an application, a time and
// date range, page by page), the Build details tab (every build entry, errors first), Redeploy,
// and Uninstall with a confirmation. Polls until it is gone.

import { at, call, ConnectError } from './api.js';
import { announce, errorBox, fill, h } from './dom.js';
import { when } from './format.js';
import { deploymentsPath } from './installations.js';
import { keepingFocus, poll } from './poll.js';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'configuration', label: 'Change configuration' },
  { id: 'logs', label: 'App logs' },
  { id: 'build', label: 'Build details' },
];

const SEVERITY_ORDER = { Error: 0, Warning: 1, Information: 2 };

export function render(main, [id, tab = 'details'], { session, project }) {
  const path = deploymentsPath(project) + '/' + encodeURIComponent(id);
  const problem = h('div', { id: 'problem' });
  const head = h('div', {}, h('p', { class: 'empty' }, 'Loading…'));
  const panel = h('div', { id: 'tab-panel' });
  fill(main, h('p', {}, h('a', { href: '#/manage/installations' }, '← Installations')), problem, head, panel);
  main.focus();

  let current = null;
  let shown = null;
  let confirming = false;
  let once = null;

  const load = async () => {
    try {
      current = await call('GET', path, undefined, project);
    } catch (e) {
      if (e instanceof ConnectError && e.status === 404 && current) {
        current = null;
        shown = null;
        announce('The installation is uninstalled.');
        fill(head, h('h1', {}, 'Uninstalled'), h('p', { id: 'gone' }, 'This installation is gone. ',
          h('a', { href: '#/manage/installations' }, 'Back to Installations')));
        fill(panel);
        return;
      }
      if (current || shown === null) {
        fill(problem, errorBox(e));
      }
      return;
    }
    const text = JSON.stringify(current) + confirming;
    if (text !== shown) {
      if (shown !== null) {
        announce(`Status ${current.status}.`);
      }
      shown = text;
      document.title = `${name(current)} · Installations · Connect`;
      keepingFocus(() => {
        fill(head, header(current));
        if (tab === 'build') {
          fill(panel, build(current));
        } else if (tab === 'details') {
          fill(panel, details(current));
        } else if (!once) {
          // forms are drawn once, so that polling does not wipe what is being typed
          once = tab === 'configuration' ? configurationPanel(current) : logsPanel(current);
          fill(panel, once);
        }
      });
    }
  };

  const act = async (what, run) => {
    fill(problem);
    try {
      await run();
      announce(`${what}: requested.`);
    } catch (e) {
      fill(problem, errorBox(e));
    }
    await load();
  };

  const header = d => [
    h('h1', {}, name(d)),
    h('p', {}, 'Status: ', h('span', { class: 'status', id: 'deployment-status' }, d.status)),
    h('div', { class: 'toolbar' },
      h('button', {
        type: 'button', id: 'redeploy', 'data-focus': 'redeploy',
        onclick: () => act('Redeploy', () => call('POST', path, { version: d.version, actions: [{ action: 'redeploy' }] }, project)),
      }, 'Redeploy'),
      confirming
        ? h('div', { role: 'group', 'aria-labelledby': 'uninstall-question', class: 'toolbar' },
          h('span', { id: 'uninstall-question' }, `Uninstall ${name(d)} from ${project}?`),
          h('button', {
            type: 'button', id: 'confirm-uninstall', class: 'primary', 'data-focus': 'confirm-uninstall',
            onclick: () => { confirming = false; act('Uninstall', () => call('DELETE', path + '?version=' + d.version, undefined, project)); },
          }, 'Uninstall'),
          h('button', {
            type: 'button', id: 'cancel-uninstall', 'data-focus': 'uninstall',
            onclick: () => { confirming = false; shown = null; load(); },
          }, 'Cancel'))
        : h('button', {
          type: 'button', id: 'uninstall', 'data-focus': 'uninstall',
          onclick: () => { confirming = true; shown = null; load().then(() => { const c = document.getElementById('confirm-uninstall'); if (c) c.focus(); }); },
        }, 'Uninstall')),
    h('nav', { class: 'tabs', 'aria-label': 'Installation' }, TABS.map(t => h('a', {
      href: at(session, project, `/manage/installations/${encodeURIComponent(d.id)}/${t.id}`), class: 'button', id: 'tab-' + t.id,
      'aria-current': t.id === tab ? 'page' : false, 'data-focus': 'tab-' + t.id,
    }, t.label))),
  ];

  function configurationPanel(d) {
    const inputs = [];
    const fieldsets = (d.applications || []).map(a => h('fieldset', { 'data-application': a.applicationName },
      h('legend', {}, `Application ${a.applicationName}`),
      (a.standardConfiguration || []).map(c => {
        const id = `change-${a.applicationName}-${c.key}`.replace(/[^A-Za-z0-9_-]/g, '-');
        const input = h('input', { id, type: 'text', autocomplete: 'off' });
        input.value = c.value ?? '';
        inputs.push({ app: a.applicationName, key: c.key, kind: 'standard', input, was: c.value ?? '' });
        return h('div', { class: 'field' }, h('label', { for: id }, c.key), input);
      }),
      (a.securedConfiguration || []).map(c => {
        const id = `change-${a.applicationName}-${c.key}`.replace(/[^A-Za-z0-9_-]/g, '-');
        const input = h('input', { id, type: 'password', autocomplete: 'new-password', 'aria-describedby': id + '-hint' });
        inputs.push({ app: a.applicationName, key: c.key, kind: 'secured', input });
        return h('div', { class: 'field' }, h('label', { for: id }, `${c.key} (secured)`), input,
          h('span', { id: id + '-hint', class: 'hint' }, 'Set. Its value is never shown: enter a new one to replace it, or leave this empty to keep it.'));
      })));
    const submit = h('button', { type: 'submit', class: 'primary', id: 'change-redeploy' }, 'Redeploy with these values');
    const form = h('form', { id: 'change-form', novalidate: true }, fieldsets, submit);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const byApp = new Map();
      for (const i of inputs) {
        const changed = i.kind === 'standard' ? i.input.value !== i.was : i.input.value !== '';
        if (!changed) {
          continue;
        }
        const entry = byApp.get(i.app) || { applicationName: i.app, standardConfiguration: [], securedConfiguration: [] };
        (i.kind === 'standard' ? entry.standardConfiguration : entry.securedConfiguration).push({ key: i.key, value: i.input.value });
        byApp.set(i.app, entry);
      }
      await act('Redeploy with new values', () => call('POST', path, {
        version: current.version,
        actions: [{ action: 'redeploy', configurationValues: [...byApp.values()] }],
      }, project));
      inputs.filter(i => i.kind === 'secured').forEach(i => { i.input.value = ''; });
      inputs.filter(i => i.kind === 'standard').forEach(i => { i.was = i.input.value; });
    });
    return h('section', { 'aria-labelledby': 'change-heading' }, h('h2', { id: 'change-heading' }, 'Change configuration'),
      h('p', { class: 'hint' }, 'Changed values are sent with a redeploy; values left as they are stay.'), form);
  }

  function logsPanel(d) {
    const apps = d.applications || [];
    const app = h('select', { id: 'log-application' }, apps.map(a => h('option', { value: a.applicationName }, a.applicationName)));
    const start = h('input', { id: 'log-start', type: 'datetime-local', step: 1 });
    const end = h('input', { id: 'log-end', type: 'datetime-local', step: 1 });
    const table = h('div', { id: 'log-lines' });
    const more = h('div', {});
    const show = async (pageToken, append) => {
      fill(problem);
      const q = new URLSearchParams({ limit: '50' });
      if (app.value) q.set('applicationName', app.value);
      if (start.value) q.set('startDate', new Date(start.value + 'Z').toISOString());
      if (end.value) q.set('endDate', new Date(end.value + 'Z').toISOString());
      if (pageToken) q.set('pageToken', pageToken);
      try {
        const page = await call('GET', path + '/logs?' + q.toString(), undefined, project);
        const rows = (page.data || []).map(l => h('tr', {},
          h('td', {}, when(l.timestamp)), h('td', { class: 'severity' }, l.severity ?? ''),
          h('td', {}, l.applicationName ?? ''), h('td', { class: 'message' }, logText(l))));
        if (append && table.querySelector('tbody')) {
          rows.forEach(r => table.querySelector('tbody').append(r));
        } else {
          fill(table, rows.length === 0 ? h('p', { class: 'empty' }, 'No log lines in this range.')
            : h('table', { class: 'logs' },
              h('thead', {}, h('tr', {}, ['Time (UTC)', 'Severity', 'Application', 'Message'].map(t => h('th', { scope: 'col' }, t)))),
              h('tbody', {}, rows)));
        }
        fill(more, page.next ? h('button', { type: 'button', id: 'log-more', onclick: () => show(page.next, true) }, 'Next page') : null);
      } catch (e) {
        fill(problem, errorBox(e));
      }
    };
    const form = h('form', { id: 'log-form', class: 'toolbar', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'log-application' }, 'Application'), app),
      h('div', { class: 'field' }, h('label', { for: 'log-start' }, 'From (UTC)'), start),
      h('div', { class: 'field' }, h('label', { for: 'log-end' }, 'To (UTC)'), end),
      h('button', { type: 'submit', id: 'log-show' }, 'Show logs'));
    form.addEventListener('submit', e => { e.preventDefault(); show(null, false); });
    show(null, false);
    return h('section', { 'aria-labelledby': 'logs-heading' }, h('h2', { id: 'logs-heading' }, 'App logs'), form, table, more);
  }

  return poll(load);
}

function name(d) {
  return (d.connector && d.connector.name) || d.key || d.id;
}

function logText(l) {
  if (l.details && typeof l.details.message === 'string') {
    return l.details.message;
  }
  return l.details == null ? '' : JSON.stringify(l.details);
}

function details(d) {
  const rows = [
    ['Deployment key', d.key], ['ID', d.id], ['Status', d.status], ['Type', d.type], ['Region', d.deployedRegion],
    ['Connector', d.connector ? `${d.connector.name ?? ''} (${d.connector.key ?? d.connector.id})` : ''],
    ['Connector version', d.connector ? d.connector.version : ''], ['Version', d.version],
    ['Created', when(d.createdAt)], ['Last change', when(d.lastModifiedAt)],
  ];
  return h('section', { 'aria-labelledby': 'details-heading' },
    h('h2', { id: 'details-heading' }, 'Details'),
    h('dl', { class: 'details' }, rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [h('dt', {}, k), h('dd', { 'data-field': k }, v)])),
    h('h2', {}, 'Applications'),
    (d.applications || []).map(a => h('section', { 'data-application': a.applicationName },
      h('h3', {}, a.applicationName),
      h('dl', { class: 'details' },
        a.url ? [h('dt', {}, 'URL'), h('dd', {}, a.url)] : null,
        a.topic ? [h('dt', {}, 'Topic'), h('dd', {}, a.topic)] : null,
        (a.standardConfiguration || []).map(c => [h('dt', {}, c.key), h('dd', {}, c.value ?? '')]),
        // a secured value is never rendered, whatever the API answers: only that it is set
        (a.securedConfiguration || []).map(c => [h('dt', {}, c.key), h('dd', { class: 'secured' }, 'Set (secured, not shown)')])))));
}

function build(d) {
  const entries = ((d.details && d.details.build && d.details.build.report && d.details.build.report.entries) || []).slice()
    .sort((a, b) => (SEVERITY_ORDER[a.type] ?? 3) - (SEVERITY_ORDER[b.type] ?? 3));
  return h('section', { 'aria-labelledby': 'build-heading' },
    h('h2', { id: 'build-heading' }, 'Build details'),
    d.status === 'Failed' ? h('p', {}, 'The build failed: address the errors below, then click Redeploy.') : null,
    entries.length === 0 ? h('p', { class: 'empty' }, 'No build entries yet.')
      : h('table', { class: 'report' },
        h('thead', {}, h('tr', {}, ['Type', 'Title', 'Message', 'Application', 'Time'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, entries.map(e => h('tr', {},
          h('td', { class: 'type' }, e.type ?? ''), h('td', { class: 'title' }, e.title ?? ''), h('td', { class: 'message' }, e.message ?? ''),
          h('td', {}, e.application ?? ''), h('td', {}, when(e.createdAt)))))));
}
