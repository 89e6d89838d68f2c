// Runs in: Node (simulators). Owns: /ecomCustomers (per connection; linked to contacts by email; aggregates read-only).
import {
  created,
  deleted,
  fieldError,
  filter,
  idParam,
  int,
  isEmail,
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
import { customerRecord } from '../serialize-ecom.js';
import type { EcomCustomer } from '../store.js';

/** Checks the fields a create requires (`full`) or an update may carry. */
function check(
  ctx: Ctx,
  body: Record<string, unknown> | undefined,
  full: boolean,
  self?: EcomCustomer,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const k of ['connectionid', 'externalid', 'email'] as const) {
    if (full && (str(body?.[k]) ?? '').trim() === '')
      errors.push(fieldError(k, 'field_missing', `The ecomCustomer field '${k}' is required`));
  }
  const email = str(body?.['email']);
  if (email && !isEmail(email)) errors.push(fieldError('email', 'field_invalid', 'Email address is invalid'));
  const conn = body?.['connectionid'];
  if (conn !== undefined && !ctx.store.connections.has(int(conn) ?? -1))
    errors.push(fieldError('connectionid', 'related_missing', `No connection found with id ${String(conn)}`));
  const am = body?.['acceptsMarketing'];
  if (am !== undefined && str(am) !== '0' && str(am) !== '1')
    errors.push(fieldError('acceptsMarketing', 'field_invalid', "acceptsMarketing must be '0' or '1'"));
  if (errors.length === 0 && body) {
    const connectionid = int(body['connectionid']) ?? self?.connectionid;
    const externalid = str(body['externalid']) ?? self?.externalid;
    const clash = [...ctx.store.ecomCustomers.values()].find(
      (c) => c.connectionid === connectionid && c.externalid === externalid && c.id !== self?.id,
    );
    if (clash)
      errors.push(
        fieldError(
          'externalid',
          'duplicate',
          'A customer with this externalid already exists for this connection',
        ),
      );
  }
  return errors;
}

export function ecomCustomerRoutes(r: AcRouter): void {
  r.add('POST', '/ecomCustomers', (req) => {
    const ctx = req.ctx;
    const body = wrapped(req, 'ecomCustomer');
    const errors = check(ctx, body, true);
    if (errors.length > 0) return unprocessable(errors);
    const cu: EcomCustomer = {
      id: ctx.store.nextId('ecomCustomer'),
      connectionid: int(body!['connectionid'])!,
      externalid: str(body!['externalid'])!,
      email: str(body!['email'])!.trim(),
      acceptsMarketing: str(body!['acceptsMarketing']) ?? '0',
      tstamp: ctx.now(),
    };
    ctx.store.ecomCustomers.set(cu.id, cu);
    return created({ ecomCustomer: customerRecord(ctx, cu, false) });
  });

  r.add('GET', '/ecomCustomers', (req) => {
    const email = filter(req, 'email')?.toLowerCase();
    const externalid = filter(req, 'externalid');
    const connectionid = filter(req, 'connectionid');
    const all = [...req.ctx.store.ecomCustomers.values()].filter(
      (c) =>
        (!email || c.email.toLowerCase() === email) &&
        (!externalid || c.externalid === externalid) &&
        (!connectionid || String(c.connectionid) === connectionid),
    );
    const page = paginate(req, all);
    return ok({ ecomCustomers: page.items.map((c) => customerRecord(req.ctx, c)), meta: page.meta });
  });

  r.add('GET', '/ecomCustomers/:id', (req) => {
    const cu = req.ctx.store.ecomCustomers.get(idParam(req) ?? -1);
    return cu
      ? ok({ ecomCustomer: customerRecord(req.ctx, cu) })
      : notFound('EcomCustomer', req.params['id'] ?? '');
  });

  r.add('PUT', '/ecomCustomers/:id', (req) => {
    const ctx = req.ctx;
    const cu = ctx.store.ecomCustomers.get(idParam(req) ?? -1);
    if (!cu) return notFound('EcomCustomer', req.params['id'] ?? '');
    const body = wrapped(req, 'ecomCustomer') ?? {};
    const errors = check(ctx, body, false, cu);
    if (errors.length > 0) return unprocessable(errors);
    if (body['connectionid'] !== undefined) cu.connectionid = int(body['connectionid'])!;
    if (body['externalid'] !== undefined) cu.externalid = str(body['externalid'])!;
    if (body['email'] !== undefined) cu.email = str(body['email'])!.trim();
    if (body['acceptsMarketing'] !== undefined) cu.acceptsMarketing = str(body['acceptsMarketing'])!;
    cu.tstamp = ctx.now();
    return ok({ ecomCustomer: customerRecord(ctx, cu) });
  });

  r.add('DELETE', '/ecomCustomers/:id', (req) => {
    const id = idParam(req) ?? -1;
    if (!req.ctx.store.ecomCustomers.has(id)) return notFound('EcomCustomer', req.params['id'] ?? '');
    req.ctx.store.ecomCustomers.delete(id);
    return deleted();
  });
}
