// The Connect API as every client calls it: tokens from POST /oauth/token (client credentials),
// then JSON with "Authorization: Bearer". Signing in follows docs/http-api.md "Organizations":
// (1) a token of the client's first project, (2) POST /oauth/introspect of it for `projects`,
// (3) a token of every other project, asked with that project's `scope`. The tokens (one per
// project) live in this tab's sessionStorage only: never in a URL, never in local storage, gone
// when the tab closes. The secret is kept only in this module's memory, to renew a token on a 401
// or when it nears its expires_in; it is never stored, so after a reload an expired token means
// signing in again.

const SESSION = 'connectstage.console.session';
const RENEW_BEFORE_MS = 30 * 1000;

/** The client's id and secret, in memory only (never in storage): what renews a token. */
let credentials = null;

/** A failed answer, in the Connect error's own words: its message and every errors[] entry. */
export class ConnectError extends Error {
  constructor(status, body) {
    const message = body && typeof body.message === 'string' ? body.message
      : body && typeof body.error_description === 'string' ? body.error_description : `HTTP ${status}`;
    super(message);
    this.status = status;
    this.errors = body && Array.isArray(body.errors) ? body.errors : [];
  }
}

/**
 * The signed-in session: clientId, projectKey (the first project, where a one-project client
 * works), projectKeys (every project of the sign-in, in the client's order) and projects (each
 * {key, scope, token, expiresAt}); null when signed out or every token has expired and the secret
 * is gone.
 */
export function session() {
  const raw = sessionStorage.getItem(SESSION);
  if (!raw) {
    return null;
  }
  try {
    const s = JSON.parse(raw);
    if (!s || !Array.isArray(s.projects) || s.projects.length === 0) {
      return null;
    }
    const usable = s.projects.some(p => typeof p.token === 'string' && p.expiresAt > Date.now())
      || (credentials && credentials.clientId === s.clientId);
    return usable ? { ...s, projectKey: s.projects[0].key, projectKeys: s.projects.map(p => p.key) } : null;
  } catch (e) {
    return null;
  }
}

export function signOut() {
  credentials = null;
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

async function auth(path, clientId, clientSecret, form) {
  const answer = await fetch(path, {
    method: 'POST',
    headers: {
      'Authorization': 'Basic ' + btoa(`${clientId}:${clientSecret}`),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
    cache: 'no-store',
  });
  const body = await readJson(answer);
  if (!answer.ok) {
    throw new ConnectError(answer.status, body);
  }
  return body;
}

/** A token of one project: without scope the client's first project (step 1), else that scope's (step 3). */
async function token(clientId, clientSecret, scope) {
  const form = { grant_type: 'client_credentials' };
  if (scope) {
    form.scope = scope;
  }
  const body = await auth('/oauth/token', clientId, clientSecret, form);
  return {
    key: projectOf(body.scope),
    scope: body.scope,
    token: body.access_token,
    expiresAt: Date.now() + 1000 * Number(body.expires_in || 0),
  };
}

export async function signIn(clientId, clientSecret) {
  const first = await token(clientId, clientSecret);
  // step 2: the projects of the client, from the introspection of its own token
  const introspected = await auth('/oauth/introspect', clientId, clientSecret, { token: first.token });
  const listed = Array.isArray(introspected.projects) ? introspected.projects : [];
  const projects = [first];
  for (const p of listed) {
    if (p && typeof p.key === 'string' && p.key !== first.key && typeof p.scope === 'string') {
      projects.push(await token(clientId, clientSecret, p.scope));
    }
  }
  credentials = { clientId, clientSecret };
  const s = { clientId, projects };
  sessionStorage.setItem(SESSION, JSON.stringify(s));
  return session();
}

/** Asks a new token for one project with the secret in memory, and stores it. */
async function renew(s, project) {
  const fresh = await token(credentials.clientId, credentials.clientSecret, project.scope);
  const stored = JSON.parse(sessionStorage.getItem(SESSION));
  stored.projects = stored.projects.map(p => (p.key === project.key ? { ...fresh, key: project.key } : p));
  sessionStorage.setItem(SESSION, JSON.stringify(stored));
  return fresh;
}

function canRenew(s) {
  return credentials !== null && credentials.clientId === s.clientId;
}

/**
 * One call of the Connect API with the token of `projectKey` (default: the first project);
 * resolves to the answer's JSON, rejects with a ConnectError.
 */
export async function call(method, path, body, projectKey) {
  const s = session();
  if (!s) {
    throw new ConnectError(401, { message: 'Your session has ended: sign in again.' });
  }
  const key = projectKey ?? s.projectKey;
  let project = s.projects.find(p => p.key === key);
  if (!project) {
    throw new ConnectError(403, { message: `Project ${key} is not a project of this sign-in.` });
  }
  if (project.expiresAt - RENEW_BEFORE_MS < Date.now() && canRenew(s)) {
    project = await renew(s, project);
  }
  let answer = await send(method, path, body, project.token);
  if (answer.status === 401 && canRenew(s)) {
    project = await renew(s, project);
    answer = await send(method, path, body, project.token);
  }
  const json = await readJson(answer);
  if (!answer.ok) {
    throw new ConnectError(answer.status, json);
  }
  return json;
}

function send(method, path, body, bearer) {
  const headers = { 'Authorization': 'Bearer ' + bearer };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
}

/**
 * The console's address of a screen of `projectKey`: screens of the first project keep their
 * addresses (#/manage/connectors/ID, #/marketplace/ID), those of another project of the
 * organization carry it (#/manage/projects/KEY/connectors/ID, #/marketplace/projects/KEY/ID).
 */
export function at(s, projectKey, path) {
  if (!projectKey || projectKey === s.projectKey) {
    return '#' + path;
  }
  const area = path.match(/^\/(manage|marketplace)(\/.*)?$/);
  return `#/${area[1]}/projects/${encodeURIComponent(projectKey)}${area[2] ?? ''}`;
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

/** Applies update actions to a staged connector (of projectKey, default the first project) at the version shown. */
export function update(connector, actions, projectKey) {
  return call('POST', draftPath(connector.id), { version: connector.version, actions }, projectKey);
}

/** The three publishing actions of the seed, by the names its buttons carry. */
export const PUBLISHING = {
  requestPreview: { label: 'Request preview', actions: [{ action: 'updatePreviewable' }] },
  publishPrivate: { label: 'Publish for private use', actions: [{ action: 'publish', certification: false }] },
  listOnMarketplace: { label: 'List on Marketplace', actions: [{ action: 'publish', certification: true }] },
};
