// The two tabs of Manage connectors, as in the Merchant Center.

import { h } from './dom.js';

export function manageTabs(current) {
  const tab = (id, href, label) => h('a', {
    href, class: 'button', id: 'manage-tab-' + id, 'aria-current': current === id ? 'page' : false,
  }, label);
  return h('nav', { class: 'tabs', 'aria-label': 'Manage connectors' },
    tab('connectors', '#/manage/connectors', 'Organization connectors'),
    tab('installations', '#/manage/installations', 'Installations'));
}
