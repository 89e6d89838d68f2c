// Runs in: main (Electron-free). Owns: the default rows of ActiveCampaign's mapping grid, as its own
// BigCommerce integration maps contacts: email and names, and the phone; guests from the order's billing address.
import type { Connector } from '../../engine/connector.js';

export const mappingDefaults: NonNullable<Connector['mappingDefaults']> = {
  customer: [
    { source: 'bc.customer.email', target: 'email', required: true },
    { source: 'bc.customer.first_name', target: 'firstName' },
    { source: 'bc.customer.last_name', target: 'lastName' },
    { source: 'bc.customer.phone', target: 'phone' },
  ],
  order: [
    { source: 'bc.order.billing.email', target: 'email', required: true },
    { source: 'bc.order.billing.first_name', target: 'firstName' },
    { source: 'bc.order.billing.last_name', target: 'lastName' },
    { source: 'bc.order.billing.phone', target: 'phone' },
  ],
};
