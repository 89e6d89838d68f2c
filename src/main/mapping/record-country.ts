// Runs in: main (Electron-free). Owns: which country a phone number in a record belongs to when it is written
// without a country code: the address it sits with, in that same record, when that address names a country.

/** The field holding the country of the address a source field belongs to; undefined when none does. */
export function countryKeyFor(source: string | undefined): string | undefined {
  if (!source) return undefined;
  if (source.startsWith('bc.order.shipping.')) return 'bc.order.shipping.country_iso2';
  // The order's own fields and its form fields were typed at checkout, with the billing address.
  if (source.startsWith('bc.order.')) return 'bc.order.billing.country_iso2';
  // v3 customers have no billing role: the first address stands for the customer, as in the mapping keys.
  if (/^bc\.(customer|form_field|address_form_field|attribute)\./.test(source)) {
    return 'bc.customer.address.country_code';
  }
  return undefined;
}

/** The record's own country for a source field (ISO 3166-1 alpha-2), read with `read`; else undefined. */
export function recordCountry(
  source: string | undefined,
  read: (key: string) => unknown,
): string | undefined {
  const key = countryKeyFor(source);
  const raw = key ? read(key) : undefined;
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}
