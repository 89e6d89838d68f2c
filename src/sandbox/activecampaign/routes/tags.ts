// Runs in: Node (simulators). Owns: /tags and /contactTags (names unique case-insensitively, no commas).
import {
  created,
  deleted,
  fieldError,
  idParam,
  int,
  notFound,
  ok,
  paginate,
  str,
  unprocessable,
  wrapped,
  type AcRequest,
  type AcRouter,
  type Ctx,
} from '../http.js';
import type { ContactTag, Tag } from '../store.js';
import type { SimResponse } from '../../kit/index.js';

function tagRecord(ctx: Ctx, t: Tag, withCount = false): Record<string, unknown> {
  const count = [...ctx.store.contactTags.values()].filter((ct) => ct.tag === t.id).length;
  return {
    tagType: t.tagType,
    tag: t.tag,
    description: t.description,
    cdate: ctx.date(t.cdate),
    ...(withCount ? { subscriber_count: String(count) } : {}),
    links: { contactGoalTags: `${ctx.base}/tags/${t.id}/contactGoalTags` },
    id: String(t.id),
  };
}

function contactTagRecord(ctx: Ctx, ct: ContactTag): Record<string, unknown> {
  return {
    cdate: ctx.date(ct.cdate),
    contact: String(ct.contact),
    id: String(ct.id),
    links: {
      contact: `${ctx.base}/contactTags/${ct.id}/contact`,
      tag: `${ctx.base}/contactTags/${ct.id}/tag`,
    },
    tag: String(ct.tag),
  };
}

/** Validates a tag body; `current` is the tag being renamed (it may keep its own name). */
function readTag(req: AcRequest, current?: Tag): { tag?: Partial<Tag>; error?: SimResponse } {
  const body = wrapped(req, 'tag');
  const name = str(body?.['tag'])?.trim();
  if (!current && !name)
    return { error: unprocessable([fieldError('tag', 'field_missing', 'The tag name is required')]) };
  if (name !== undefined) {
    if (name.includes(','))
      return {
        error: unprocessable([fieldError('tag', 'field_invalid', 'Tag names may not contain commas')]),
      };
    const clash = [...req.ctx.store.tags.values()].find((t) => t.tag.toLowerCase() === name.toLowerCase());
    if (clash && clash.id !== current?.id)
      return {
        error: unprocessable([fieldError('tag', 'duplicate', 'A tag with this name already exists')]),
      };
  }
  const tagType = str(body?.['tagType']);
  if (tagType !== undefined && tagType !== 'contact' && tagType !== 'template')
    return {
      error: unprocessable([
        fieldError('tagType', 'field_invalid', "tagType must be 'contact' or 'template'"),
      ]),
    };
  const out: Partial<Tag> = {};
  if (name !== undefined) out.tag = name;
  if (tagType !== undefined) out.tagType = tagType;
  const description = str(body?.['description']);
  if (description !== undefined) out.description = description;
  return { tag: out };
}

export function tagRoutes(r: AcRouter): void {
  r.add('POST', '/tags', (req) => {
    const { tag, error } = readTag(req);
    if (error) return error;
    const t: Tag = {
      id: req.ctx.store.nextId('tag'),
      tag: '',
      tagType: 'contact',
      description: '',
      cdate: req.ctx.now(),
      ...tag,
    };
    req.ctx.store.tags.set(t.id, t);
    return created({ tag: tagRecord(req.ctx, t) });
  });

  r.add('GET', '/tags', (req) => {
    const search = req.query.get('search')?.toLowerCase();
    const all = [...req.ctx.store.tags.values()].filter(
      (t) => !search || t.tag.toLowerCase().includes(search),
    );
    const page = paginate(req, all);
    return ok({ tags: page.items.map((t) => tagRecord(req.ctx, t)), meta: page.meta });
  });

  r.add('GET', '/tags/:id', (req) => {
    const t = req.ctx.store.tags.get(idParam(req) ?? -1);
    return t ? ok({ tag: tagRecord(req.ctx, t, true) }) : notFound('Tag', req.params['id'] ?? '');
  });

  r.add('PUT', '/tags/:id', (req) => {
    const t = req.ctx.store.tags.get(idParam(req) ?? -1);
    if (!t) return notFound('Tag', req.params['id'] ?? '');
    const { tag, error } = readTag(req, t);
    if (error) return error;
    Object.assign(t, tag);
    return ok({ tag: tagRecord(req.ctx, t) });
  });

  r.add('DELETE', '/tags/:id', (req) => {
    const id = idParam(req) ?? -1;
    if (!req.ctx.store.tags.has(id)) return notFound('Tag', req.params['id'] ?? '');
    req.ctx.store.tags.delete(id);
    for (const [k, ct] of req.ctx.store.contactTags) if (ct.tag === id) req.ctx.store.contactTags.delete(k);
    return deleted();
  });

  r.add('POST', '/contactTags', (req) => {
    const ctx = req.ctx;
    const body = wrapped(req, 'contactTag');
    for (const k of ['contact', 'tag'] as const) {
      if (int(body?.[k]) === undefined)
        return {
          status: 422,
          body: {
            errors: [
              { status: 422, title: 'Missing attribute', source: { pointer: `/data/attributes/${k}` } },
            ],
          },
        };
    }
    const contact = int(body?.['contact'])!;
    const tag = int(body?.['tag'])!;
    const missing = !ctx.store.contacts.has(contact)
      ? 'Contact not found'
      : !ctx.store.tags.has(tag)
        ? 'Tag not found'
        : '';
    if (missing)
      return { status: 404, body: { errors: [{ status: 404, title: 'Not Found', detail: missing }] } };
    // Tagging twice keeps one link: the existing one is returned.
    const existing = [...ctx.store.contactTags.values()].find(
      (ct) => ct.contact === contact && ct.tag === tag,
    );
    const ct = existing ?? { id: ctx.store.nextId('contactTag'), contact, tag, cdate: ctx.now() };
    ctx.store.contactTags.set(ct.id, ct);
    return created({ contactTag: contactTagRecord(ctx, ct) });
  });

  r.add('DELETE', '/contactTags/:id', (req) => {
    const id = idParam(req) ?? -1;
    if (!req.ctx.store.contactTags.has(id)) return notFound('ContactTag', req.params['id'] ?? '');
    req.ctx.store.contactTags.delete(id);
    return deleted();
  });

  r.add('GET', '/contacts/:id/contactTags', (req) => {
    const id = idParam(req) ?? -1;
    if (!req.ctx.store.contacts.has(id)) return notFound('Subscriber', req.params['id'] ?? '');
    const links = [...req.ctx.store.contactTags.values()].filter((ct) => ct.contact === id);
    return ok({ contactTags: links.map((ct) => contactTagRecord(req.ctx, ct)) });
  });
}
