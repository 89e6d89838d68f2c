// Runs in: main (Electron-free). Owns: the default rows of SALESmanago's mapping grid: the standard contact
// fields the plugin fills. "name" is one full-name field and the grid has no join transform, so it is left
// to the connector (first + last name) rather than mapped from one half.
import type { Connector, MappingDefault } from '../../engine/connector.js';

const address = (prefix: string, names: Record<string, string>): MappingDefault[] => [
  { source: `${prefix}.${names['street']}`, target: 'address.streetAddress' },
  { source: `${prefix}.${names['zip']}`, target: 'address.zipCode' },
  { source: `${prefix}.city`, target: 'address.city' },
  { source: `${prefix}.country`, target: 'address.country' },
  { source: `${prefix}.${names['state']}`, target: 'province' },
];

export const mappingDefaults: NonNullable<Connector['mappingDefaults']> = {
  customer: [
    { source: 'bc.customer.email', target: 'email', required: true },
    { source: 'bc.customer.phone', target: 'phone' },
    { source: 'bc.customer.company', target: 'company' },
    ...address('bc.customer.address', { street: 'address1', zip: 'postal_code', state: 'state_or_province' }),
  ],
  order: [
    { source: 'bc.order.billing.email', target: 'email', required: true },
    { source: 'bc.order.billing.phone', target: 'phone' },
    { source: 'bc.order.billing.company', target: 'company' },
    ...address('bc.order.billing', { street: 'street_1', zip: 'zip', state: 'state' }),
  ],
};
