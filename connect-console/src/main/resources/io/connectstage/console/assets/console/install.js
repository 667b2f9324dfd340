// Install (the seed's "Deploy on Preview" / "Deploy on Production" of an Organization connector):
// Region from the connector's supportedRegions, the Project, then per application a form made
// from its configurations (standard keys as text with their defaults, secured keys as passwords,
// required keys marked and enforced, descriptions as help). It POSTs a DeploymentDraft to
// /{projectKey}/deployments and lands on Installations, which shows the status.

import { call, draftPath } from './api.js';
import { errorBox, fill, h } from './dom.js';
import { REGIONS } from './format.js';

/** From a connector's page: [id, 'preview' | 'production']; from the marketplace: [id, 'marketplace']. */
export function render(main, [id, type], { go, session }) {
  const preview = type === 'preview';
  const marketplace = type === 'marketplace';
  const problem = h('div', { id: 'problem' });
  const body = h('div', {}, h('p', { class: 'empty' }, 'Loading…'));
  fill(main,
    h('p', {}, marketplace ? h('a', { href: '#/marketplace/' + encodeURIComponent(id) }, '← Connector')
      : h('a', { href: '#/manage/connectors/' + encodeURIComponent(id) }, '← Connector')),
    h('h1', {}, marketplace ? 'Install' : preview ? 'Deploy on Preview' : 'Deploy on Production'),
    problem, body);
  main.focus();
  document.title = (preview ? 'Deploy on Preview' : 'Deploy on Production') + ' · Connect';

  (async () => {
    try {
      // a production install takes the published Connector's applications, a preview the staged ones;
      // from the marketplace there is only the published Connector (maybe another project's)
      const staged = marketplace ? await call('GET', '/connectors/' + encodeURIComponent(id)) : await call('GET', draftPath(id));
      const connector = preview || marketplace ? staged : await call('GET', '/connectors/key=' + encodeURIComponent(staged.key));
      fill(body, form(staged, connector));
    } catch (e) {
      fill(problem, errorBox(e));
    }
  })();

  function form(staged, connector) {
    const regions = (connector.supportedRegions && connector.supportedRegions.length) ? connector.supportedRegions : REGIONS;
    const region = h('select', { id: 'install-region', name: 'region' }, regions.map(r => h('option', { value: r }, r)));
    const key = h('input', {
      id: 'deployment-key', name: 'key', type: 'text', required: true, 'aria-required': 'true', autocomplete: 'off',
      value: `${staged.key}-${preview ? 'preview' : 'production'}`.substring(0, 256),
    });
    const applications = (connector.configurations || []).map(app => applicationFields(app));
    const submit = h('button', { type: 'submit', class: 'primary', id: 'install' }, 'Install');
    const f = h('form', { id: 'install-form', novalidate: true },
      h('p', {}, 'Connector: ', h('strong', {}, staged.name), ` (${staged.key}${preview ? ', staged, for testing' : ''})`),
      h('fieldset', {}, h('legend', {}, 'Region'),
        h('div', { class: 'field' }, h('label', { for: 'install-region' }, 'Region'), region)),
      h('fieldset', {}, h('legend', {}, 'Projects'),
        h('p', { id: 'install-project' }, session.projectKey ?? ''),
        h('p', { class: 'hint' }, 'The project of the API client you signed in with. Installing into several projects at once needs an organization sign-in, which this console does not have yet.')),
      h('div', { class: 'field' }, h('label', { for: 'deployment-key' }, 'Deployment key (required)'), key),
      applications.map(a => a.fieldset),
      applications.length === 0 ? h('p', { class: 'empty' }, 'This connector declares no application configuration.') : null,
      submit);
    f.addEventListener('submit', async event => {
      event.preventDefault();
      fill(problem);
      const missing = applications.flatMap(a => a.missing());
      if (!key.value.trim()) {
        missing.unshift('Deployment key');
      }
      if (missing.length) {
        fill(problem, errorBox({ message: 'Enter a value for every required field.', errors: missing.map(m => ({ message: m })) }));
        return;
      }
      const draft = {
        key: key.value.trim(),
        type: preview ? 'preview' : 'production',
        connector: preview ? { key: staged.key, staged: true } : marketplace ? { id: connector.id } : { key: staged.key },
        region: region.value,
        configurations: applications.map(a => a.values()),
      };
      submit.disabled = true;
      try {
        await call('POST', '/' + encodeURIComponent(session.projectKey) + '/deployments', draft);
        go('/manage/installations');
      } catch (e) {
        fill(problem, errorBox(e));
        submit.disabled = false;
      }
    });
    return f;
  }
}

function applicationFields(app) {
  const inputs = [];
  const name = app.applicationName;
  const one = (kind, k) => {
    const id = `config-${name}-${k.key}`.replace(/[^A-Za-z0-9_-]/g, '-');
    const input = h('input', {
      id, type: kind === 'secured' ? 'password' : 'text', autocomplete: kind === 'secured' ? 'new-password' : 'off',
      required: k.required === true, 'aria-required': k.required === true ? 'true' : false,
      'aria-describedby': k.description ? id + '-help' : false,
      'data-key': k.key, 'data-kind': kind,
    });
    if (kind === 'standard' && k.default != null) {
      input.value = k.default;
    }
    inputs.push({ input, key: k.key, kind, required: k.required === true });
    return h('div', { class: 'field' },
      h('label', { for: id }, k.key, k.required === true ? ' (required)' : '', kind === 'secured' ? ' (secured)' : ''),
      input,
      k.description ? h('span', { id: id + '-help', class: 'hint' }, k.description) : null);
  };
  const fieldset = h('fieldset', { 'data-application': name }, h('legend', {}, `Application ${name}`),
    (app.standardConfiguration || []).map(k => one('standard', k)),
    (app.securedConfiguration || []).map(k => one('secured', k)));
  return {
    fieldset,
    missing: () => inputs.filter(i => i.required && i.input.value === '').map(i => `${name}: ${i.key}`),
    values: () => {
      const pick = kind => inputs.filter(i => i.kind === kind && i.input.value !== '').map(i => ({ key: i.key, value: i.input.value }));
      return { applicationName: name, standardConfiguration: pick('standard'), securedConfiguration: pick('secured') };
    },
  };
}
