// Runs in: Node (simulators). Owns: /fields, /fieldRels, /fieldOption/bulk (the account's custom contact fields).
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
  type AcRouter,
  type Ctx,
} from '../http.js';
import type { Field } from '../store.js';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'date',
  'datetime',
  'dropdown',
  'listbox',
  'radio',
  'checkbox',
  'hidden',
];

function fieldRecord(ctx: Ctx, f: Field): Record<string, unknown> {
  return {
    title: f.title,
    descript: f.descript ?? '',
    type: f.type,
    isrequired: '0',
    perstag: f.perstag,
    defval: f.defval ?? '',
    show_in_list: '0',
    rows: '0',
    cols: '0',
    visible: String(f.visible),
    service: '',
    ordernum: String(f.ordernum),
    cdate: ctx.date(f.cdate),
    udate: ctx.date(f.udate),
    options: f.options.map((_, i) => String(f.id * 1000 + i + 1)),
    relations: f.relations.map(String),
    links: {
      options: `${ctx.base}/fields/${f.id}/options`,
      relations: `${ctx.base}/fields/${f.id}/relations`,
    },
    id: String(f.id),
  };
}

function optionRecords(ctx: Ctx, f: Field): Array<Record<string, unknown>> {
  return f.options.map((value, i) => ({
    orderid: i + 1,
    value,
    label: value,
    isdefault: 0,
    field: String(f.id),
    cdate: ctx.date(f.udate),
    udate: ctx.date(f.udate),
    links: { field: `${ctx.base}/fieldOptions/${f.id * 1000 + i + 1}/field` },
    id: String(f.id * 1000 + i + 1),
  }));
}

const perstagOf = (title: string): string =>
  title
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

export function fieldRoutes(r: AcRouter): void {
  r.add('POST', '/fields', (req) => {
    const ctx = req.ctx;
    const body = wrapped(req, 'field');
    const title = str(body?.['title'])?.trim() ?? '';
    const type = str(body?.['type']) ?? '';
    if (title === '')
      return unprocessable([fieldError('title', 'field_missing', 'The field title is required')]);
    if (!FIELD_TYPES.includes(type))
      return unprocessable([
        fieldError('type', 'field_invalid', `Field type must be one of ${FIELD_TYPES.join(', ')}`),
      ]);
    if ([...ctx.store.fields.values()].some((f) => f.title.toLowerCase() === title.toLowerCase())) {
      const detail = `There is already a field named '${title}' -- choose another name`;
      return {
        status: 422,
        body: { errors: [{ title: 'There is already a field with this title', detail, code: 'duplicate' }] },
      };
    }
    const t = ctx.now();
    const id = ctx.store.nextId('field');
    const f: Field = {
      id,
      title,
      type,
      descript: str(body?.['descript']) ?? null,
      perstag: str(body?.['perstag']) ?? perstagOf(title),
      defval: str(body?.['defval']) ?? null,
      visible: body?.['visible'] === false ? 0 : 1,
      ordernum: int(body?.['ordernum']) ?? id,
      cdate: t,
      udate: t,
      options: [],
      relations: [],
    };
    ctx.store.fields.set(id, f);
    return created({ field: fieldRecord(ctx, f) });
  });

  r.add('GET', '/fields', (req) => {
    const page = paginate(req, [...req.ctx.store.fields.values()]);
    const fieldOptions = page.items.flatMap((f) => optionRecords(req.ctx, f));
    return ok({
      fieldOptions,
      fieldRels: [],
      fields: page.items.map((f) => fieldRecord(req.ctx, f)),
      meta: page.meta,
    });
  });

  r.add('GET', '/fields/:id', (req) => {
    const f = req.ctx.store.fields.get(idParam(req) ?? -1);
    if (!f) return notFound('Field', req.params['id'] ?? '');
    return ok({ fieldOptions: optionRecords(req.ctx, f), fieldRels: [], field: fieldRecord(req.ctx, f) });
  });

  r.add('DELETE', '/fields/:id', (req) => {
    const id = idParam(req) ?? -1;
    if (!req.ctx.store.fields.has(id)) return notFound('Field', req.params['id'] ?? '');
    req.ctx.store.fields.delete(id);
    for (const [k, v] of req.ctx.store.fieldValues) if (v.field === id) req.ctx.store.fieldValues.delete(k);
    return deleted();
  });

  r.add('POST', '/fieldRels', (req) => {
    const body = wrapped(req, 'fieldRel');
    const field = int(body?.['field']);
    const relid = int(body?.['relid']);
    const f = req.ctx.store.fields.get(field ?? -1);
    if (!f) return notFound('Field', String(field));
    if (relid === undefined)
      return unprocessable([
        fieldError('relid', 'field_missing', 'relid (a list id, 0 for all) is required'),
      ]);
    if (!f.relations.includes(relid)) f.relations.push(relid);
    const id = req.ctx.store.nextId('fieldRel');
    return created({
      fieldRel: { relid, field: f.id, cdate: req.ctx.date(req.ctx.now()), links: [], id: String(id) },
    });
  });

  r.add('POST', '/fieldOption/bulk', (req) => {
    const raw = (req.body as { fieldOptions?: unknown } | undefined)?.fieldOptions;
    if (!Array.isArray(raw) || raw.length === 0)
      return { status: 422, body: { errors: 'fieldOptions must be a non-empty array' } };
    const touched = new Set<Field>();
    for (const o of raw as Array<Record<string, unknown>>) {
      const f = req.ctx.store.fields.get(int(o['field']) ?? -1);
      const value = str(o['value']) ?? str(o['label']);
      if (!f || value === undefined)
        return { status: 422, body: { errors: 'Each option needs an existing field and a value' } };
      if (!f.options.includes(value)) f.options.push(value);
      touched.add(f);
    }
    return created({ fieldOptions: [...touched].flatMap((f) => optionRecords(req.ctx, f)) });
  });
}
