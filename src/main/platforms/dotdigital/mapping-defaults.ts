// Runs in: main (Electron-free). Owns: the default rows of dotdigital's mapping grid: the same data fields as
// the connector's default field mapping (`defaultFieldMapping`), read from the BigCommerce catalogue's keys.
// Rows whose data field the account lacks are reported as not fitted; creating the connection creates them.
import type { Connector, MappingDefault } from '../../engine/connector.js';

const address = (prefix: string, to: 'BILLING' | 'SHIPPING'): MappingDefault[] => [
  { source: `${prefix}.street_1`, target: `${to}_ADDRESS_1` },
  { source: `${prefix}.street_2`, target: `${to}_ADDRESS_2` },
  { source: `${prefix}.city`, target: `${to}_CITY` },
  { source: `${prefix}.state`, target: `${to}_STATE` },
  { source: `${prefix}.zip`, target: `${to}_POSTCODE` },
  { source: `${prefix}.country`, target: `${to}_COUNTRY` },
  { source: `${prefix}.phone`, target: `${to}_PHONE` },
  { source: `${prefix}.company`, target: `${to}_COMPANY` },
];

export const mappingDefaults: NonNullable<Connector['mappingDefaults']> = {
  customer: [
    { source: 'bc.customer.id', target: 'BC_CUSTOMER_ID' },
    { source: 'bc.customer.first_name', target: 'FIRSTNAME' },
    { source: 'bc.customer.last_name', target: 'LASTNAME' },
    { source: 'bc.customer.company', target: 'COMPANY' },
    { source: 'bc.customer.phone', target: 'PHONE' },
    { source: 'bc.customer.notes', target: 'NOTES' },
    { source: 'bc.customer.date_created', target: 'CUSTOMER_CREATED' },
    { source: 'bc.customer.customer_group_id', target: 'CUSTOMER_GROUP_ID' },
    // v3 addresses carry no billing/shipping role: the first one stands for the billing address.
    { source: 'bc.customer.address.address1', target: 'BILLING_ADDRESS_1' },
    { source: 'bc.customer.address.address2', target: 'BILLING_ADDRESS_2' },
    { source: 'bc.customer.address.city', target: 'BILLING_CITY' },
    { source: 'bc.customer.address.state_or_province', target: 'BILLING_STATE' },
    { source: 'bc.customer.address.postal_code', target: 'BILLING_POSTCODE' },
    { source: 'bc.customer.address.country', target: 'BILLING_COUNTRY' },
    { source: 'bc.customer.address.phone', target: 'BILLING_PHONE' },
    { source: 'bc.customer.address.company', target: 'BILLING_COMPANY' },
  ],
  order: [
    { source: 'bc.order.billing.first_name', target: 'FIRSTNAME' },
    { source: 'bc.order.billing.last_name', target: 'LASTNAME' },
    ...address('bc.order.billing', 'BILLING'),
    ...address('bc.order.shipping', 'SHIPPING'),
  ],
};
