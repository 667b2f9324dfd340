// The certification desk: the EMULATOR's stand-in for commercetools' review of a connector
// submitted with List on Marketplace. It lists the connectors in certification (ReadyForCertification
// or InCertification) of every project of the sign-in and approves or rejects one with a comment,
// through the emulator's own route POST /.connectstage/projects/{projectKey}/certification/{id}
// (docs/http-api.md), which is not part of the Connect API.

import { call } from './api.js';
import { announce, errorBox, fill, h } from './dom.js';
import { status, when } from './format.js';
import { keepingFocus, poll } from './poll.js';

const IN_CERTIFICATION = ['ReadyForCertification', 'InCertification'];

export function render(main, params, { session }) {
  document.title = 'Certification desk (emulator) · Connect';
  const problem = h('div', { id: 'problem' });
  const list = h('div', { id: 'certification' }, h('p', { class: 'empty' }, 'Loading…'));
  fill(main,
    h('h1', {}, 'Certification desk'),
    h('p', { class: 'notice', id: 'desk-notice' }, 'This desk is the emulator\'s stand-in for commercetools\' certification ',
      'review: in the Merchant Center, commercetools staff decide. It is not part of the Connect API.'),
    problem, list);
  main.focus();

  const comments = new Map();
  let shown = null;
  const load = async () => {
    try {
      const query = '/connectors/drafts?limit=500&sort=' + encodeURIComponent('lastModifiedAt desc');
      const pages = await Promise.all(session.projectKeys.map(p => call('GET', query, undefined, p)));
      const results = pages.flatMap((page, i) => page.results.filter(c => IN_CERTIFICATION.includes(c.status))
        .map(c => ({ project: session.projectKeys[i], c })));
      const text = JSON.stringify(results);
      if (text !== shown) {
        if (shown !== null) {
          announce('The connectors in certification changed.');
        }
        shown = text;
        keepingFocus(() => fill(list, draw(results)));
      }
    } catch (e) {
      fill(problem, errorBox(e));
    }
  };
  const decide = async (project, c, decision) => {
    fill(problem);
    const comment = comments.get(c.id);
    const body = { decision };
    if (comment && comment.value.trim()) {
      body.comment = comment.value.trim();
    }
    try {
      const decided = await call('POST', `/.connectstage/projects/${encodeURIComponent(project)}/certification/`
        + encodeURIComponent(c.id), body, project);
      announce(`${decided.name}: ${decision === 'approve' ? 'approved' : 'rejected'}, status ${status(decided)}.`);
    } catch (e) {
      fill(problem, errorBox(e));
    }
    await load();
  };
  const draw = rows => {
    if (rows.length === 0) {
      return h('p', { class: 'empty' }, 'No connector is in certification. "List on Marketplace" submits one.');
    }
    return h('table', { id: 'certification-table' },
      h('caption', { class: 'visually-hidden' }, 'Connectors in certification'),
      h('thead', {}, h('tr', {},
        ['Name', 'Key', 'Project', 'Status', 'Last change', 'Comment', 'Decision'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(({ project, c }) => {
        const id = `comment-${project}-${c.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
        const previous = comments.get(c.id);
        const comment = h('textarea', { id, rows: 2, 'data-focus': c.id + ':comment' });
        comment.value = previous ? previous.value : '';
        comments.set(c.id, comment);
        return h('tr', { 'data-id': c.id, 'data-key': c.key ?? '', 'data-project': project },
          h('td', { class: 'name' }, c.name),
          h('td', { class: 'key' }, c.key ?? ''),
          h('td', { class: 'project' }, project),
          h('td', { class: 'status' }, status(c)),
          h('td', { class: 'modified' }, when(c.lastModifiedAt)),
          h('td', {}, h('label', { for: id, class: 'visually-hidden' }, `Comment on ${c.name}`), comment),
          h('td', { class: 'actions' },
            h('button', { type: 'button', 'data-action': 'approve', 'data-focus': c.id + ':approve',
              'aria-label': `Approve ${c.name}`, onclick: () => decide(project, c, 'approve') }, 'Approve'),
            h('button', { type: 'button', 'data-action': 'reject', 'data-focus': c.id + ':reject',
              'aria-label': `Reject ${c.name}`, onclick: () => decide(project, c, 'reject') }, 'Reject')));
      })));
  };
  return poll(load);
}
