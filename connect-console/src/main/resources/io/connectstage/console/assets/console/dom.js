// Building the page without ever parsing a string as HTML: every value, above all those from a
// connector, a report or a log, becomes a text node. Nothing here parses a string as markup.

/** h('tag', {attr: value, onclick: fn}, ...children): strings and numbers become text. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.substring(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.append(child);
    } else {
      el.append(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of el with these. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A link only to http(s) addresses: a connector's URL such as javascript:... stays text. */
export function safeLink(url) {
  try {
    const u = new URL(String(url));
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      return h('a', { href: u.href, rel: 'noopener noreferrer' }, String(url));
    }
  } catch (e) {
    // not a URL: shown as text below
  }
  return String(url);
}

/** A Connect error shown in its own words: its message, then each entry's code and message. */
export function errorBox(error) {
  const entries = Array.isArray(error.errors) ? error.errors : [];
  return h('div', { class: 'error', role: 'alert' },
    h('p', {}, error.message || String(error)),
    entries.length === 0 ? null : h('ul', {}, entries.map(e =>
      // the detail, when the API gives one, says which field and why (InvalidJsonInput's message is generic)
      h('li', {}, e.code ? `${e.code}: ` : '', e.message || '',
        typeof e.detailedErrorMessage === 'string' ? ` (${e.detailedErrorMessage})` : ''))));
}

let announcer;

/** Says something to screen readers (a status region), e.g. that a status changed. */
export function announce(text) {
  announcer = announcer || document.getElementById('announce');
  if (announcer) {
    announcer.textContent = text;
  }
}

let carriedError = null;

/** Keeps an error for the next screen to show (a refused step after which the console moved on). */
export function carry(error) {
  carriedError = error;
}

/** The error the previous screen carried over, once. */
export function carried() {
  const e = carriedError;
  carriedError = null;
  return e;
}
