// Install (the seed's "Deploy on Preview" / "Deploy on Production" of an Organization connector,
// and "Install" of a Public Connector): Region from the connector's supportedRegions, then the
// Projects (an organization sign-in: All Projects or specific ones, and Next), then per Project
// and per application a form made from its configurations (standard keys as text with their
// defaults, secured keys as passwords, required keys marked and enforced, descriptions as help),
// repeated for each Project as the seed says. It POSTs a DeploymentDraft to each
// /{projectKey}/deployments with that project's token and lands on Installations, which shows the
// status. A preview installs only into the connector's own project: staged connectors are per
// project.

import { call, draftPath } from './api.js';
import { errorBox, fill, h } from './dom.js';
import { REGIONS } from './format.js';

/** From a connector's page: [id, 'preview' | 'production']; from the marketplace: [id, 'marketplace']. */
export function render(main, [id, type], { go, session, project }) {
  const preview = type === 'preview';
  const marketplace = type === 'marketplace';
  const owner = project ?? session.projectKey;
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
      const staged = marketplace ? await call('GET', '/connectors/' + encodeURIComponent(id), undefined, owner)
        : await call('GET', draftPath(id), undefined, owner);
      const connector = preview || marketplace ? staged
        : await call('GET', '/connectors/key=' + encodeURIComponent(staged.key), undefined, owner);
      fill(body, form(staged, connector));
    } catch (e) {
      fill(problem, errorBox(e));
    }
  })();

  function form(staged, connector) {
    const targets = preview ? [owner] : session.projectKeys;
    const single = targets.length === 1;
    const regions = (connector.supportedRegions && connector.supportedRegions.length) ? connector.supportedRegions : REGIONS;
    const region = h('select', { id: 'install-region', name: 'region' }, regions.map(r => h('option', { value: r }, r)));
    const sections = h('div', { id: 'install-projects' });
    const submit = h('button', { type: 'submit', class: 'primary', id: 'install', hidden: !single }, 'Install');
    let perProject = [];
    const showForms = keys => {
      perProject = keys.map(p => projectFields(p, single, staged, connector, preview ? 'preview' : 'production'));
      fill(sections, perProject.map(p => p.section));
      submit.hidden = false;
    };

    let projects;
    if (single) {
      projects = h('fieldset', {}, h('legend', {}, 'Projects'),
        h('p', { id: 'install-project' }, targets[0]),
        h('p', { class: 'hint' }, preview ? 'A preview installs into the connector\'s own project.'
          : 'The project of the API client you signed in with.'));
      showForms(targets);
    } else {
      const all = h('input', { type: 'radio', name: 'install-scope', id: 'install-all-projects', value: 'all', checked: true });
      const specific = h('input', { type: 'radio', name: 'install-scope', id: 'install-specific-projects', value: 'specific' });
      const boxes = targets.map(p => ({
        key: p,
        input: h('input', { type: 'checkbox', id: 'install-project-' + p.replace(/[^A-Za-z0-9_-]/g, '-'), value: p }),
      }));
      const next = h('button', { type: 'button', id: 'install-next' }, 'Next');
      next.addEventListener('click', () => {
        fill(problem);
        const chosen = all.checked ? targets : boxes.filter(b => b.input.checked).map(b => b.key);
        if (chosen.length === 0) {
          fill(problem, errorBox({ message: 'Choose at least one project.' }));
          return;
        }
        showForms(chosen);
      });
      projects = h('fieldset', {}, h('legend', {}, 'Projects'),
        h('div', { class: 'choice' }, all, h('label', { for: 'install-all-projects' }, 'All Projects')),
        h('div', { class: 'choice' }, specific, h('label', { for: 'install-specific-projects' }, 'Specific projects')),
        h('fieldset', {}, h('legend', {}, 'Projects of the organization'),
          boxes.map(b => h('div', { class: 'choice' }, b.input, h('label', { for: b.input.id }, b.key)))),
        next);
    }

    const f = h('form', { id: 'install-form', novalidate: true },
      h('p', {}, 'Connector: ', h('strong', {}, staged.name), ` (${staged.key}${preview ? ', staged, for testing' : ''})`),
      h('fieldset', {}, h('legend', {}, 'Region'),
        h('div', { class: 'field' }, h('label', { for: 'install-region' }, 'Region'), region)),
      projects, sections, submit);
    f.addEventListener('submit', async event => {
      event.preventDefault();
      fill(problem);
      if (perProject.length === 0) {
        return;
      }
      const missing = perProject.flatMap(p => p.missing());
      if (missing.length) {
        fill(problem, errorBox({ message: 'Enter a value for every required field.', errors: missing.map(m => ({ message: m })) }));
        return;
      }
      submit.disabled = true;
      const done = [];
      try {
        for (const p of perProject) {
          const draft = {
            key: p.key(),
            type: preview ? 'preview' : 'production',
            connector: preview ? { key: staged.key, staged: true } : marketplace ? { id: connector.id } : { key: staged.key },
            region: region.value,
            configurations: p.values(),
          };
          await call('POST', '/' + encodeURIComponent(p.project) + '/deployments', draft, p.project);
          done.push(p.project);
        }
        go('/manage/installations');
      } catch (e) {
        const installed = done.length ? { message: `Installed into ${done.join(', ')}; the next project failed:` } : null;
        fill(problem, installed ? errorBox(installed) : null, errorBox(e));
        submit.disabled = false;
      }
    });
    return f;
  }
}

/** One project's part of the form: its Deployment key and every application's fields. */
function projectFields(project, single, staged, connector, suffix) {
  const prefix = single ? '' : project + '-';
  const keyId = single ? 'deployment-key' : 'deployment-key-' + project.replace(/[^A-Za-z0-9_-]/g, '-');
  const key = h('input', {
    id: keyId, name: 'key', type: 'text', required: true, 'aria-required': 'true', autocomplete: 'off',
    value: `${staged.key}-${suffix}`.substring(0, 256),
  });
  const applications = (connector.configurations || []).map(app => applicationFields(app, prefix));
  const section = h('fieldset', { 'data-project': project }, h('legend', {}, single ? 'Configuration' : `Project ${project}`),
    h('div', { class: 'field' }, h('label', { for: keyId }, 'Deployment key (required)'), key),
    applications.map(a => a.fieldset),
    applications.length === 0 ? h('p', { class: 'empty' }, 'This connector declares no application configuration.') : null);
  return {
    project,
    section,
    key: () => key.value.trim(),
    missing: () => (key.value.trim() ? [] : [single ? 'Deployment key' : `${project}: Deployment key`])
      .concat(applications.flatMap(a => a.missing()).map(m => (single ? m : `${project}: ${m}`))),
    values: () => applications.map(a => a.values()),
  };
}

function applicationFields(app, prefix) {
  const inputs = [];
  const name = app.applicationName;
  const one = (kind, k) => {
    const id = `config-${prefix}${name}-${k.key}`.replace(/[^A-Za-z0-9_-]/g, '-');
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
