// Runs in: Node (simulators). Owns: how a contact is shown by /contact/basic and /contact/list.
import type { Contact } from '../store.js';

export function basicView(c: Contact): Record<string, unknown> {
  return {
    id: c.contactId,
    email: c.email,
    name: c.name ?? null,
    phone: c.phone ?? null,
    fax: c.fax ?? null,
    company: c.company ?? null,
    externalId: c.externalId ?? null,
    state: c.state ?? null,
    optedOut: c.optedOut,
    optedOutPhone: c.optedOutPhone,
    deleted: c.deleted,
    invalid: false,
    createdOn: c.createdOn,
    modifiedOn: c.modifiedOn,
    lastVisit: null,
    address: {
      streetAddress: c.address.streetAddress ?? null,
      zipCode: c.address.zipCode ?? null,
      city: c.address.city ?? null,
      country: c.address.country ?? null,
    },
  };
}

export function fullView(c: Contact): Record<string, unknown> {
  return {
    ...basicView(c),
    birthday: c.birthday ?? null,
    province: c.province ?? null,
    lang: c.lang ?? null,
    contactTags: c.tags.map((tag) => ({ tag })),
    properties: Object.entries(c.properties).map(([name, value]) => ({ name, value })),
    consents: Object.entries(c.consents).map(([consentName, x]) => ({ consentName, ...x })),
    doubleOptIn: c.doubleOptIn ?? null,
  };
}
