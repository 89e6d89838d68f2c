// Runs in: main (Electron-free). Owns: the default rows of Connectif's mapping grid: the contact data its own
// BigCommerce app sends (name, surname, mobile phone); the email is the contact's id, not a field.
import type { Connector } from '../../engine/connector.js';

export const mappingDefaults: NonNullable<Connector['mappingDefaults']> = {
  customer: [
    { source: 'bc.customer.first_name', target: '_name' },
    { source: 'bc.customer.last_name', target: '_surname' },
    { source: 'bc.customer.phone', target: '_mobilePhone' },
  ],
  order: [
    { source: 'bc.order.billing.first_name', target: '_name' },
    { source: 'bc.order.billing.last_name', target: '_surname' },
    { source: 'bc.order.billing.phone', target: '_mobilePhone' },
  ],
};
