// Runs in: main (Electron-free). Owns: the default rows of Connectif's mapping grid: the contact data its own
// BigCommerce app sends (name, surname, mobile phone); the email is the contact's id, not a field.
import type { Connector, MappingDefault } from '../../engine/connector.js';

/**
 * Connectif refuses a `_mobilePhone` that is not E.164, and BigCommerce keeps phones as typed ("+1 555 …").
 * US stands for a number without a country code only until the store's own country is known: the mapping puts
 * the store's country here (src/main/mapping/defaults.ts), and a record's address country wins over both. The
 * user sees and edits the chosen country in the grid.
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
