// Runs in: Node (simulators). Owns: /lists, /listGroups and /contactLists (list membership and its status).
import {
  deleted,
  fieldError,
  filter,
  idParam,
  int,
  notFound,
  ok,
  paginate,
  str,
  unprocessable,
  wrapped,
  type AcRouter,
  type Ctx,
  type FieldError,
} from '../http.js';
import { setMembership } from '../membership.js';
import { contactListRecord, contactRecord } from '../serialize-contacts.js';
import type { List } from '../store.js';

function listRecord(ctx: Ctx, l: List): Record<string, unknown> {
  const flags = [
    'p_use_tracking',
    'p_use_analytics_read',
    'p_use_analytics_link',
    'p_use_twitter',
    'p_use_facebook',
  ];
  return {
    stringid: l.stringid,
    userid: '1',
    name: l.name,
    cdate: ctx.date(l.cdate),
    ...Object.fromEntries(flags.map((f) => [f, '0'])),
    p_embed_image: '1',
    p_use_captcha: '1',
    send_last_broadcast: '0',
    private: '0',
    analytics_domains: null,
    analytics_source: '',
    analytics_ua: '',
    twitter_token: '',
    twitter_token_secret: '',
    facebook_session: null,
    carboncopy: null,
    subscription_notify: null,
    unsubscription_notify: null,
    require_name: '0',
    get_unsubscribe_reason: '0',
    to_name: 'Subscriber',
    optinoptout: '1',
    sender_name: '',
    sender_addr1: '',
    sender_addr2: '',
    sender_city: '',
    sender_state: '',
    sender_zip: '',
    sender_country: '',
    sender_phone: '',
    sender_url: l.sender_url,
    sender_reminder: l.sender_reminder,
    fulladdress: '',
    optinmessageid: '0',
    optoutconf: '0',
    deletestamp: null,
    udate: ctx.date(l.udate),
    links: {
      contactGoalLists: `${ctx.base}/lists/${l.id}/contactGoalLists`,
      user: `${ctx.base}/lists/${l.id}/user`,
    },
    id: String(l.id),
    user: '1',
  };
}

export function listRoutes(r: AcRouter): void {
  r.add('POST', '/lists', (req) => {
    const ctx = req.ctx;
    const body = wrapped(req, 'list');
    const errors: FieldError[] = [];
    const need = ['name', 'stringid', 'sender_url', 'sender_reminder'] as const;
    const v = Object.fromEntries(need.map((k) => [k, str(body?.[k])?.trim() ?? ''])) as Record<
      (typeof need)[number],
      string
    >;
    for (const k of need)
      if (v[k] === '') errors.push(fieldError(k, 'field_missing', `The list field '${k}' is required`));
    if (errors.length > 0) return unprocessable(errors);
    if ([...ctx.store.lists.values()].some((l) => l.stringid === v.stringid))
      return unprocessable([fieldError('stringid', 'duplicate', 'A list with this stringid already exists')]);
    const t = ctx.now();
    const l: List = { id: ctx.store.nextId('list'), ...v, cdate: t, udate: t };
    ctx.store.lists.set(l.id, l);
    // The documented answer to a created list is 200 with a short record.
    return ok({
      list: {
        name: l.name,
        stringid: l.stringid,
        cdate: ctx.date(t),
        udate: ctx.date(t),
        links: {},
        id: String(l.id),
      },
    });
  });

  r.add('GET', '/lists', (req) => {
    const name = filter(req, 'name')?.toLowerCase();
    const all = [...req.ctx.store.lists.values()].filter((l) => !name || l.name.toLowerCase().includes(name));
    const page = paginate(req, all);
    return ok({ lists: page.items.map((l) => listRecord(req.ctx, l)), meta: page.meta });
  });

  r.add('GET', '/lists/:id', (req) => {
    const l = req.ctx.store.lists.get(idParam(req) ?? -1);
    return l ? ok({ list: listRecord(req.ctx, l) }) : notFound('List', req.params['id'] ?? '');
  });

  r.add('DELETE', '/lists/:id', (req) => {
    const id = idParam(req) ?? -1;
    if (!req.ctx.store.lists.has(id)) return notFound('List', req.params['id'] ?? '');
    req.ctx.store.lists.delete(id);
    for (const [k, cl] of req.ctx.store.contactLists)
      if (cl.list === id) req.ctx.store.contactLists.delete(k);
    return deleted();
  });

  r.add('POST', '/listGroups', (req) => {
    const body = wrapped(req, 'listGroup');
    const list = int(body?.['listid']);
    const group = int(body?.['groupid']);
    if (list === undefined || group === undefined)
      return unprocessable([
        fieldError(
          list === undefined ? 'listid' : 'groupid',
          'field_missing',
          'listid and groupid are required',
        ),
      ]);
    const id = req.ctx.store.nextId('listGroup');
    return {
      status: 201,
      body: {
        listGroup: {
          list,
          group,
          links: {
            list: `${req.ctx.base}/listGroups/${id}/list`,
            group: `${req.ctx.base}/listGroups/${id}/group`,
          },
          id: String(id),
        },
      },
    };
  });

  r.add('POST', '/contactLists', (req) => {
    const ctx = req.ctx;
    const body = wrapped(req, 'contactList');
    const list = int(body?.['list']);
    const contact = int(body?.['contact']);
    const status = int(body?.['status']);
    const errors: FieldError[] = [];
    if (list === undefined) errors.push(fieldError('list', 'field_missing', 'The list is required'));
    if (contact === undefined) errors.push(fieldError('contact', 'field_missing', 'The contact is required'));
    if (status === undefined) errors.push(fieldError('status', 'field_missing', 'The status is required'));
    else if (status !== 1 && status !== 2)
      errors.push(fieldError('status', 'field_invalid', 'Status must be 1 (subscribed) or 2 (unsubscribed)'));
    if (errors.length > 0) return unprocessable(errors);
    const c = ctx.store.contacts.get(contact!);
    if (!c) return notFound('Subscriber', String(contact));
    if (!ctx.store.lists.has(list!)) return notFound('List', String(list));
    const cl = setMembership(ctx, c.id, list!, status!, 'api', int(body?.['sourceid']));
    return ok({ contacts: [contactRecord(ctx, c)], contactList: contactListRecord(ctx, cl, true) });
  });
}
