// Runs in: main (Electron-free). Owns: the default rows of Connectif's mapping grid: the contact data its own
// BigCommerce app sends (name, surname, mobile phone); the email is the contact's id, not a field.
import type { Connector, MappingDefault } from '../../engine/connector.js';

/**
 * Connectif refuses a `_mobilePhone` that is not E.164, and BigCommerce keeps phones as typed ("+1 555 …").
 * US is the grid's own preset country for numbers without a country code; the user sees and edits it there.
 * A number the transform cannot fix is left out of the field with a record issue; the contact still goes.
 */
const mobilePhone = (source: string): MappingDefault => ({
  source,
  target: '_mobilePhone',
  transforms: [{ kind: 'phone', defaultCountry: 'US' }],
});

export const mappingDefaults: NonNullable<Connector['mappingDefaults']> = {
  customer: [
    { source: 'bc.customer.first_name', target: '_name' },
    { source: 'bc.customer.last_name', target: '_surname' },
    mobilePhone('bc.customer.phone'),
  ],
  order: [
    { source: 'bc.order.billing.first_name', target: '_name' },
    { source: 'bc.order.billing.last_name', target: '_surname' },
    mobilePhone('bc.order.billing.phone'),
  ],
};
