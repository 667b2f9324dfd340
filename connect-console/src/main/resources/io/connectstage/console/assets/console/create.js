// Create connector, in the seed's sections: Git source, Connector setup (the key checked as you
// type), Creator details, Project scope, Publishing options. It POSTs a ConnectorStagedDraft to
// /connectors/drafts, applies the chosen publishing action, and opens the new connector's page.

import { at, call, PUBLISHING, update } from './api.js';
import { carry, errorBox, fill, h } from './dom.js';
import { INTEGRATION_TYPES, keyProblem, REGIONS } from './format.js';

function field(id, label, input, hint) {
  const hintId = hint ? id + '-hint' : null;
  if (hintId) {
    input.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('span', { id: hintId, class: 'hint' }, hint) : null);
}

function text(id, attrs = {}) {
  return h('input', { id, name: id, type: 'text', ...attrs });
}

function choice(type, name, value, label, attrs = {}) {
  const id = `${name}-${value}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return h('div', { class: 'choice' }, h('input', { type, name, value, id, ...attrs }), h('label', { for: id }, label));
}

export function render(main, params, { go, session }) {
  document.title = 'Create connector · Connect';
  const problem = h('div', { id: 'problem' });

  const url = text('repository-url', { required: true, 'aria-required': 'true', autocomplete: 'off', spellcheck: 'false' });
  const tag = text('repository-tag', { required: true, 'aria-required': 'true', autocomplete: 'off' });
  const name = text('connector-name', { required: true, 'aria-required': 'true' });
  const description = h('textarea', { id: 'connector-description', name: 'description', rows: 3 });
  const key = text('connector-key', { autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'connector-key-rule connector-key-check' });
  const keyCheck = h('span', { id: 'connector-key-check', class: 'hint', 'aria-live': 'polite' });
  const email = h('input', { id: 'creator-email', name: 'email', type: 'email', required: true, 'aria-required': 'true', autocomplete: 'email' });
  const title = text('creator-title');
  const contact = text('creator-name', { autocomplete: 'name' });
  const company = text('creator-company', { autocomplete: 'organization' });
  const contributors = h('input', { id: 'creator-contributors', name: 'noOfContributors', type: 'number', min: 0, step: 1 });
  const specific = text('private-projects', { autocomplete: 'off' });
  // an organization sign-in chooses the primary project (the connector is staged there, managed
  // with that project's token); a one-project sign-in has its client's project
  const organization = session.projectKeys.length > 1;
  const primary = organization
    ? h('select', { id: 'primary-project-select', name: 'primary-project' }, session.projectKeys.map(p => h('option', { value: p }, p)))
    : null;
  const primaryField = organization
    ? field('primary-project-select', 'Primary project', primary,
      'The Connect API manages this connector with the tokens of its primary project.')
    : h('p', {}, 'Primary project: ', h('strong', { id: 'primary-project' }, session.projectKey ?? ''),
      ' (the project of the API client you signed in with; the Connect API manages the connector with its tokens).');

  key.addEventListener('input', () => {
    const p = keyProblem(key.value);
    key.setAttribute('aria-invalid', p ? 'true' : 'false');
    keyCheck.className = p ? 'invalid' : 'valid';
    fill(keyCheck, p ?? (key.value === '' ? '' : 'This key is valid.'));
  });

  const regions = REGIONS.map(r => choice('checkbox', 'region', r, r));
  const types = INTEGRATION_TYPES.map(t => choice('checkbox', 'integration-type', t, t));
  const scope = [
    choice('radio', 'scope', 'all', 'All Projects of this Organization', { checked: true }),
    choice('radio', 'scope', 'specific', 'Specific Projects'),
  ];
  const publishing = [
    choice('radio', 'publishing', 'skip', 'Skip this step', { checked: true }),
    ...Object.entries(PUBLISHING).map(([what, p]) => choice('radio', 'publishing', what, p.label === 'List on Marketplace' ? 'Certify for marketplace' : p.label)),
  ];
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create' }, 'Create connector');

  const form = h('form', { id: 'create-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, 'Git source'),
      choice('radio', 'git-source', 'github', 'Connect with GitHub', { disabled: true, 'aria-describedby': 'github-why' }),
      h('p', { id: 'github-why', class: 'hint' },
        'Unavailable in a local server: it has no GitHub app to authenticate with. Enter the repository\'s URL instead.'),
      choice('radio', 'git-source', 'third-party', 'Connect with public third-party Git repository', { checked: true }),
      field('repository-url', 'SSH URL or HTTPS URL (required)', url,
        'The HTTPS URL works only if the repository is public; a private one needs the SSH URL.'),
      field('repository-tag', 'Tag (required)', tag, 'The tag of the release to use.')),
    h('fieldset', {}, h('legend', {}, 'Connector setup'),
      field('connector-name', 'Name (required)', name),
      field('connector-description', 'Description', description),
      h('fieldset', {}, h('legend', {}, 'Connector type'), types),
      h('div', { class: 'field' },
        h('label', { for: 'connector-key' }, 'Connector key'), key,
        h('span', { id: 'connector-key-rule', class: 'hint' },
          'Only alphanumeric characters, underscores and hyphens; 2 to 256 characters.'),
        keyCheck),
      h('fieldset', {}, h('legend', {}, 'Supported regions'), regions)),
    h('fieldset', {}, h('legend', {}, 'Creator details'),
      field('creator-email', 'Contact email (required)', email),
      field('creator-title', 'Title', title),
      field('creator-name', 'Contact name', contact),
      field('creator-company', 'Company name', company),
      field('creator-contributors', 'Number of contributors', contributors)),
    h('fieldset', {}, h('legend', {}, 'Project scope'),
      primaryField,
      h('fieldset', {}, h('legend', {}, 'Supported projects'), scope,
        field('private-projects', 'Project keys, comma-separated (for Specific Projects)', specific))),
    h('fieldset', {}, h('legend', {}, 'Publishing options'), publishing),
    submit);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    fill(problem);
    if (keyProblem(key.value)) {
      fill(problem, errorBox({ message: keyProblem(key.value) }));
      key.focus();
      return;
    }
    const checked = n => [...form.querySelectorAll(`input[name="${n}"]:checked`)].map(i => i.value);
    const chosenRegions = checked('region');
    const projectRegion = chosenRegions[0] || REGIONS[0];
    const draft = {
      name: name.value,
      repository: { url: url.value.trim(), tag: tag.value.trim() },
      creator: { email: email.value.trim() },
    };
    if (key.value) draft.key = key.value;
    if (description.value) draft.description = description.value;
    if (checked('integration-type').length) draft.integrationTypes = checked('integration-type');
    if (chosenRegions.length) draft.supportedRegions = chosenRegions;
    if (title.value) draft.creator.title = title.value;
    if (contact.value) draft.creator.name = contact.value;
    if (company.value) draft.creator.company = company.value;
    if (contributors.value !== '') draft.creator.noOfContributors = Number(contributors.value);
    const project = primary ? primary.value : session.projectKey;
    if (checked('scope')[0] === 'all' && organization) {
      // all Projects of the organization: the other projects of the sign-in may use it too
      draft.privateProjects = session.projectKeys.filter(p => p !== project).map(p => `${projectRegion}:${p}`);
    }
    if (checked('scope')[0] === 'specific') {
      draft.privateProjects = specific.value.split(',').map(p => p.trim()).filter(p => p)
        .map(p => (p.includes(':') ? p : `${projectRegion}:${p}`));
    }
    submit.disabled = true;
    try {
      const created = await call('POST', '/connectors/drafts', draft, project);
      const what = checked('publishing')[0];
      if (what && what !== 'skip') {
        try {
          await update(created, PUBLISHING[what].actions, project);
        } catch (e) {
          // the connector exists: open it, and say there why the publishing option was refused
          carry(e);
        }
      }
      location.hash = at(session, project, '/manage/connectors/' + created.id);
    } catch (e) {
      fill(problem, errorBox(e));
      problem.scrollIntoView();
      submit.disabled = false;
    }
  });

  fill(main,
    h('p', {}, h('a', { href: '#/manage/connectors' }, '← Organization connectors')),
    h('h1', {}, 'Create connector'),
    problem, form);
  main.focus();
  return null;
}
