// Sign in: an API client's id and secret, exchanged for a token of each of the client's projects
// (api.js signIn: POST /oauth/token, POST /oauth/introspect for `projects`, a token per other
// project). The secret is never stored; api.js keeps it in memory only, to renew tokens.

import { signIn } from './api.js';
import { errorBox, fill, h } from './dom.js';

export function render(main, params, { go }) {
  document.title = 'Sign in · Connect';
  const problem = h('div', {});
  const id = h('input', { id: 'client-id', name: 'client_id', type: 'text', autocomplete: 'username', required: true });
  const secret = h('input', { id: 'client-secret', name: 'client_secret', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'signin', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'client-id' }, 'API client ID'), id),
    h('div', { class: 'field' }, h('label', { for: 'client-secret' }, 'Client secret'), secret),
    submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    fill(problem);
    submit.disabled = true;
    try {
      await signIn(id.value.trim(), secret.value);
      secret.value = '';
      go('/manage/connectors');
    } catch (e) {
      fill(problem, errorBox(e));
      submit.disabled = false;
    }
  });
  fill(main,
    h('h1', {}, 'Sign in to Connect'),
    h('p', {}, 'Use the id and secret of an API client of this server (',
      h('code', {}, './connect serve'), ' prints the one it generates). The console then shows that client\'s project, or ',
      'every project of an organization client (', h('code', {}, './connect serve --organization P1,P2'), ').'),
    problem, form);
  id.focus();
  return null;
}
