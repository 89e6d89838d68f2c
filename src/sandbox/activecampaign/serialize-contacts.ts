// Runs in: Node (simulators). Owns: the JSON shapes of contacts, list memberships and field values.
import { createHash } from 'node:crypto';
import type { Ctx } from './http.js';
import type { Contact, ContactList, FieldValue } from './store.js';

const ZERO_DATE = '0000-00-00';
const ZERO_TIME = '0000-00-00 00:00:00';

function contactLinks(ctx: Ctx, id: number): Record<string, string> {
  const names = [
    'bounceLogs',
    'contactAutomations',
    'contactData',
    'contactGoals',
    'contactLists',
    'contactLogs',
    'contactTags',
    'contactDeals',
    'deals',
    'fieldValues',
    'geoIps',
    'notes',
    'organization',
    'plusAppend',
    'trackingLogs',
    'scoreValues',
    'accountContacts',
    'automationEntryCounts',
  ];
  return Object.fromEntries(names.map((n) => [n, `${ctx.base}/contacts/${id}/${n}`]));
}

const hashOf = (c: Contact): string => createHash('md5').update(`${c.id}:${c.email}`).digest('hex');

export function fieldValueIds(ctx: Ctx, contact: number): string[] {
  return [...ctx.store.fieldValues.values()].filter((v) => v.contact === contact).map((v) => String(v.id));
}

/** The full record, as GET /contacts and GET /contacts/{id} return it (every scalar a string). */
export function contactRecord(ctx: Ctx, c: Contact): Record<string, unknown> {
  const [local = '', domain = ''] = c.email.split('@');
  return {
    cdate: ctx.date(c.cdate),
    email: c.email,
    phone: c.phone,
    firstName: c.firstName,
    lastName: c.lastName,
    orgid: '0',
    segmentio_id: '',
    bounced_hard: '0',
    bounced_soft: '0',
    bounced_date: ZERO_DATE,
    ip: '0',
    ua: '',
    hash: hashOf(c),
    socialdata_lastcheck: ZERO_TIME,
    email_local: local,
    email_domain: domain,
    sentcnt: '0',
    rating_tstamp: ZERO_DATE,
    gravatar: '0',
    deleted: '0',
    anonymized: '0',
    adate: ZERO_TIME,
    udate: ctx.date(c.udate),
    edate: ZERO_TIME,
    deleted_at: ZERO_TIME,
    created_utc_timestamp: new Date(c.cdate).toISOString().slice(0, 19).replace('T', ' '),
    updated_utc_timestamp: new Date(c.udate).toISOString().slice(0, 19).replace('T', ' '),
    links: contactLinks(ctx, c.id),
    id: String(c.id),
  };
}

/** The shorter record that POST /contacts and POST /contact/sync return. */
export function contactWritten(ctx: Ctx, c: Contact): Record<string, unknown> {
  return {
    email: c.email,
    phone: c.phone,
    firstName: c.firstName,
    lastName: c.lastName,
    email_empty: false,
    cdate: ctx.date(c.cdate),
    udate: ctx.date(c.udate),
    orgid: '0',
    orgname: '',
    links: contactLinks(ctx, c.id),
    hash: hashOf(c),
    fieldValues: fieldValueIds(ctx, c.id),
    id: String(c.id),
  };
}

export function fieldValueRecord(ctx: Ctx, v: FieldValue): Record<string, unknown> {
  return {
    contact: String(v.contact),
    field: String(v.field),
    value: v.value,
    cdate: ctx.date(v.cdate),
    udate: ctx.date(v.udate),
    links: { owner: `${ctx.base}/fieldValues/${v.id}/owner`, field: `${ctx.base}/fieldValues/${v.id}/field` },
    id: String(v.id),
    owner: String(v.contact),
  };
}

export function contactListRecord(
  ctx: Ctx,
  cl: ContactList,
  statusAsNumber = false,
): Record<string, unknown> {
  const c = ctx.store.contacts.get(cl.contact);
  const linkNames = [
    'automation',
    'list',
    'contact',
    'form',
    'autosyncLog',
    'campaign',
    'unsubscribeAutomation',
    'message',
  ];
  return {
    contact: String(cl.contact),
    list: String(cl.list),
    form: null,
    seriesid: '0',
    sdate: ctx.date(cl.sdate),
    udate: ctx.date(cl.udate),
    status: statusAsNumber ? cl.status : String(cl.status),
    responder: '1',
    sync: '0',
    unsubreason: cl.unsubreason ?? '',
    campaign: null,
    message: null,
    first_name: c?.firstName ?? '',
    last_name: c?.lastName ?? '',
    ip4Sub: '0',
    sourceid: String(cl.sourceid),
    autosyncLog: null,
    ip4_last: '0',
    ip4Unsub: '0',
    created_timestamp: ctx.date(cl.sdate),
    updated_timestamp: ctx.date(cl.udate),
    created_by: null,
    updated_by: null,
    unsubscribeAutomation: null,
    links: Object.fromEntries(linkNames.map((n) => [n, `${ctx.base}/contactLists/${cl.id}/${n}`])),
    id: String(cl.id),
    automation: null,
  };
}
