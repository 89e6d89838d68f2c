// Runs in: main (Electron-free). Owns: the default rows of Bloomreach's mapping grid: the customer properties
// the connector writes from personal information (see the README's "Customer properties").
import type { Connector, MappingDefault } from '../../engine/connector.js';

const person = (p: string, names: Record<string, string>): MappingDefault[] => [
  { source: `${p}.email`, target: 'email', required: true },
  { source: `${p}.first_name`, target: 'first_name' },
  { source: `${p}.last_name`, target: 'last_name' },
  { source: `${p}.company`, target: 'company' },
  { source: `${p}.phone`, target: 'phone' },
  { source: `${names['address']}.${names['street']}`, target: 'address' },
  { source: `${names['address']}.city`, target: 'city' },
  { source: `${names['address']}.${names['state']}`, target: 'state' },
  { source: `${names['address']}.${names['zip']}`, target: 'zip' },
  { source: `${names['address']}.country`, target: 'country' },
];

export const mappingDefaults: NonNullable<Connector['mappingDefaults']> = {
  customer: [
    ...person('bc.customer', {
      address: 'bc.customer.address',
      street: 'address1',
      state: 'state_or_province',
      zip: 'postal_code',
    }),
    { source: 'bc.customer.customer_group_id', target: 'customer_group_id' },
  ],
  order: person('bc.order.billing', {
    address: 'bc.order.billing',
    street: 'street_1',
    state: 'state',
    zip: 'zip',
  }),
};
