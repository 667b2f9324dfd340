// The Connect API as every client calls it: a token from POST /oauth/token (client credentials),
// then JSON with "Authorization: Bearer". The token lives in this tab's sessionStorage only:
// never in a URL, never in local storage, gone when the tab closes.

const SESSION = 'connectstage.console.session';

/** A failed answer, in the Connect error's own words: its message and every errors[] entry. */
export class ConnectError extends Error {
  constructor(status, body) {
    const message = body && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
    super(message);
    this.status = status;
    this.errors = body && Array.isArray(body.errors) ? body.errors : [];
  }
}

export function session() {
  const raw = sessionStorage.getItem(SESSION);
  if (!raw) {
    return null;
  }
  try {
    const s = JSON.parse(raw);
    return s && typeof s.token === 'string' && s.expiresAt > Date.now() ? s : null;
  } catch (e) {
    return null;
  }
}

export function signOut() {
  sessionStorage.removeItem(SESSION);
}

/** The project a token's scopes name (manage_project:KEY, view_connectors:KEY, ...), the first one. */
export function projectOf(scope) {
  for (const s of String(scope || '').split(' ')) {
    const i = s.indexOf(':');
    if (i > 0) {
      return s.substring(i + 1);
    }
  }
  return null;
}

export async function signIn(clientId, clientSecret) {
  const answer = await fetch('/oauth/token', {
    method: 'POST',
    headers: {
      'Authorization': 'Basic ' + btoa(`${clientId}:${clientSecret}`),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
    cache: 'no-store',
  });
  const body = await readJson(answer);
  if (!answer.ok) {
    throw new ConnectError(answer.status, body);
  }
  const s = {
    token: body.access_token,
    scope: body.scope,
    clientId,
    projectKey: projectOf(body.scope),
    expiresAt: Date.now() + 1000 * Number(body.expires_in || 0),
  };
  sessionStorage.setItem(SESSION, JSON.stringify(s));
  return s;
}

/** One call of the Connect API; resolves to the answer's JSON, rejects with a ConnectError. */
export async function call(method, path, body) {
  const s = session();
  if (!s) {
    throw new ConnectError(401, { message: 'Your session has ended: sign in again.' });
  }
  const headers = { 'Authorization': 'Bearer ' + s.token };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const answer = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const json = await readJson(answer);
  if (!answer.ok) {
    throw new ConnectError(answer.status, json);
  }
  return json;
}

async function readJson(answer) {
  const text = await answer.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return { message: text };
  }
}

/** The staged connector's path segment: its id (what the console links by). */
export function draftPath(id) {
  return '/connectors/drafts/' + encodeURIComponent(id);
}

/** Applies update actions to a staged connector at the version shown. */
export function update(connector, actions) {
  return call('POST', draftPath(connector.id), { version: connector.version, actions });
}

/** The three publishing actions of the seed, by the names its buttons carry. */
export const PUBLISHING = {
  requestPreview: { label: 'Request preview', actions: [{ action: 'updatePreviewable' }] },
  publishPrivate: { label: 'Publish for private use', actions: [{ action: 'publish', certification: false }] },
  listOnMarketplace: { label: 'List on Marketplace', actions: [{ action: 'publish', certification: true }] },
};
