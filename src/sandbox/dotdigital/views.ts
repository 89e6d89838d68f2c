// Runs in: Node (simulators). Owns: how a contact looks in v2 answers (PascalCase enums, dataFields
// as key/value pairs) and in v3 answers (camelCase status, dataFields as an object, channelProperties).
import type { AccountStore, Contact } from './store.js';

export interface V2Contact {
  id: number;
  email: string;
  optInType: string;
  emailType: string;
  dataFields: Array<{ key: string; value: unknown }>;
  status: string;
}

export function v2Contact(c: Contact): V2Contact {
  return {
    id: c.id,
    email: c.email,
    optInType: c.optInType,
    emailType: c.emailType,
    // Only fields with a value: the v2 spec types `value` as a string, so nulls are left out.
    dataFields: Object.entries(c.dataFields)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([key, value]) => ({ key, value })),
    status: c.status,
  };
}

const v3Status: Record<Contact['status'], string> = {
  Subscribed: 'subscribed',
  Unsubscribed: 'unsubscribed',
  PendingOptIn: 'pendingOptIn',
  HardBounced: 'suppressed',
  IspComplained: 'suppressed',
};
const v3EmailStatus: Record<Contact['status'], string> = {
  Subscribed: 'subscribed',
  Unsubscribed: 'unsubscribed',
  PendingOptIn: 'pendingOptIn',
  HardBounced: 'hardBounced',
  IspComplained: 'ispComplained',
};

export function v3Contact(store: AccountStore, c: Contact): Record<string, unknown> {
  const identifiers: Record<string, string> = { email: c.email };
  if (c.mobileNumber) identifiers.mobileNumber = c.mobileNumber;
  const dataFields: Record<string, unknown> = {};
  for (const f of store.fields.values()) dataFields[f.name] = c.dataFields[f.name] ?? null;
  return {
    contactId: c.id,
    status: v3Status[c.status],
    created: new Date(c.created).toISOString(),
    updated: new Date(c.updated).toISOString(),
    identifiers,
    dataFields,
    channelProperties: {
      email: { status: v3EmailStatus[c.status], emailType: c.emailType, optInType: c.optInType },
    },
    lists: [...c.lists.entries()].flatMap(([id, m]) => {
      const book = store.books.get(id);
      return book ? [{ id, name: book.name, status: m }] : [];
    }),
    consentRecords: c.consentRecords,
  };
}

/** v2 dates in answers: dotdigital writes UTC without an offset (e.g. "2016-08-01T10:09:22"). */
export function v2Date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
