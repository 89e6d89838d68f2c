// Runs in: main (Electron-free). Owns: the field catalogue for the mapping grid: Connectif's system contact
// fields with their types, and the store's custom field ids read live from a contacts export's columns.
import type { RemoteField } from '../../engine/connector.js';
import type { CfClient } from './client.js';
import { csvHeader } from './csv.js';
import { exportContacts, type ExportWait } from './exports.js';
import type { ConnectifSettings } from './schemas.js';

export const systemFields: RemoteField[] = [
  { key: '_name', label: 'Name', type: 'text', custom: false },
  { key: '_surname', label: 'Surname', type: 'text', custom: false },
  { key: '_birthdate', label: 'Birthdate', type: 'date', custom: false },
  { key: '_mobilePhone', label: 'Mobile phone', type: 'text', custom: false },
  { key: '_points', label: 'Points', type: 'number', custom: false },
  { key: '_newsletterSubscriptionStatus', label: 'Newsletter subscription', type: 'text', custom: false },
  { key: '_smsSubscriptionStatus', label: 'SMS subscription', type: 'text', custom: false },
];

const typeOf = (t: ConnectifSettings['formFields'][number]['type']): RemoteField['type'] =>
  t === 'checkbox' ? 'list' : t === 'integer' ? 'number' : t === 'radio' ? 'text' : t;

/**
 * The API has no custom-field listing in readable docs; a contacts export has one column per custom field
 * id, so that is read. Types are not in the export: a mapped field keeps the type the merchant gave it, the
 * rest show as text [UNVERIFIED].
 */
export async function fieldCatalogue(
  c: CfClient,
  w: ExportWait,
  s: ConnectifSettings,
): Promise<RemoteField[]> {
  const header = csvHeader(await exportContacts(c, w));
  const custom = header
    .filter((h) => h !== '' && !h.startsWith('_'))
    .map((key): RemoteField => {
      const mapped = s.formFields.find((m) => m.fieldId === key);
      return { key, label: key, type: mapped ? typeOf(mapped.type) : 'text', custom: true };
    });
  return [...systemFields, ...custom];
}
