// Runs in: Node (simulators). Owns: /fieldValues (one value per contact and field, checked against the field type).
import { checkFieldValue, setFieldValue } from '../field-values.js';
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
  type AcRequest,
  type AcRouter,
  type Ctx,
} from '../http.js';
import { contactRecord, fieldValueRecord } from '../serialize-contacts.js';
import type { FieldValue } from '../store.js';
import type { SimResponse } from '../../kit/index.js';

/** POST and PUT answer with the contact and the value, ids as numbers. */
function written(ctx: Ctx, v: FieldValue): SimResponse {
  const c = ctx.store.contacts.get(v.contact);
  return ok({
    contacts: c ? [contactRecord(ctx, c)] : [],
    fieldValue: {
      contact: v.contact,
      field: v.field,
      value: v.value,
      cdate: ctx.date(v.cdate),
      udate: ctx.date(v.udate),
      links: {
        owner: `${ctx.base}/fieldValues/${v.id}/owner`,
        field: `${ctx.base}/fieldValues/${v.id}/field`,
      },
      owner: v.contact,
      id: String(v.id),
    },
  });
}

function write(req: AcRequest): SimResponse {
  const ctx = req.ctx;
  const body = wrapped(req, 'fieldValue');
  const contact = int(body?.['contact']);
  const field = int(body?.['field']);
  if (contact === undefined)
    return unprocessable([fieldError('contact', 'field_missing', 'The contact is required')]);
  if (field === undefined)
    return unprocessable([fieldError('field', 'field_missing', 'The field is required')]);
  if (body?.['value'] === undefined)
    return unprocessable([fieldError('value', 'field_missing', 'The value is required')]);
  if (!ctx.store.contacts.has(contact)) return notFound('Subscriber', String(contact));
  const err = checkFieldValue(ctx, field, body['value'], '');
  if (err) return unprocessable([err]);
  return written(ctx, setFieldValue(ctx, contact, field, str(body['value'])!));
}

export function fieldValueRoutes(r: AcRouter): void {
  r.add('POST', '/fieldValues', write);

  r.add('PUT', '/fieldValues/:id', (req) => {
    const v = req.ctx.store.fieldValues.get(idParam(req) ?? -1);
    if (!v) return notFound('FieldValue', req.params['id'] ?? '');
    return write(req);
  });

  r.add('GET', '/fieldValues', (req) => {
    const fieldid = filter(req, 'fieldid');
    const val = filter(req, 'val');
    const all = [...req.ctx.store.fieldValues.values()].filter(
      (v) => (!fieldid || String(v.field) === fieldid) && (val === undefined || v.value === val),
    );
    const page = paginate(req, all);
    return ok({ fieldValues: page.items.map((v) => fieldValueRecord(req.ctx, v)), meta: page.meta });
  });

  r.add('GET', '/fieldValues/:id', (req) => {
    const v = req.ctx.store.fieldValues.get(idParam(req) ?? -1);
    if (v) return ok({ fieldValue: fieldValueRecord(req.ctx, v) });
    // The documented answer for an unknown id here is 403, not 404.
    return {
      status: 403,
      body: { message: `No Result found for FieldValue with id ${req.params['id'] ?? ''}` },
    };
  });

  r.add('DELETE', '/fieldValues/:id', (req) => {
    const id = idParam(req) ?? -1;
    if (!req.ctx.store.fieldValues.has(id)) return notFound('FieldValue', req.params['id'] ?? '');
    req.ctx.store.fieldValues.delete(id);
    return deleted();
  });
}
