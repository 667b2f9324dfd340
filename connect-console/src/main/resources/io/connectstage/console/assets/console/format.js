// How the console words the API's values, in the Merchant Center's terms.

const PREVIEWABLE = { 'true': 'Accepted', 'false': 'Rejected', 'pending': 'Pending', 'none': 'Not requested' };

export function previewable(value) {
  return PREVIEWABLE[value] || String(value ?? '');
}

/** The connector's status; a certified Published one is "Listed and certified", as the seed says. */
export function status(connector) {
  if (connector.status === 'Published' && connector.certified === true) {
    return 'Listed and certified';
  }
  if (connector.status === 'Failed') {
    return 'Publish failed';
  }
  return String(connector.status ?? '');
}

export function when(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return isNaN(d.getTime()) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export const REGIONS = [
  'europe-west1.gcp', 'us-central1.gcp', 'australia-southeast1.gcp', 'us-east-2.aws', 'eu-central-1.aws',
];

export const INTEGRATION_TYPES = [
  'tax', 'marketplace', 'oms', 'psp', 'pim', 'promotion', 'search', 'erp', 'crm', 'email', 'analytics',
  'shipping', 'giftcard', 'other',
];

/** The seed's rule for a Connector key: alphanumerics, underscores and hyphens, 2 to 256 of them. */
export function keyProblem(key) {
  if (key === '') {
    return null;
  }
  if (!/^[A-Za-z0-9_-]*$/.test(key)) {
    return 'The Connector key may only contain alphanumeric characters, underscores and hyphens.';
  }
  if (key.length < 2) {
    return 'The Connector key must have a minimum length of 2 characters.';
  }
  if (key.length > 256) {
    return 'The Connector key must have a maximum length of 256 characters.';
  }
  return null;
}
