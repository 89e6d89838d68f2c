// Runs in: Node (simulators). Owns: /connections (one e-commerce connection per store; unique service + externalid).
import {
  created,
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
  type FieldError,
} from '../http.js';
import { connectionRecord } from '../serialize-ecom.js';
import type { Connection } from '../store.js';

const REQUIRED = ['service', 'externalid', 'name', 'logoUrl', 'linkUrl'] as const;

export function connectionRoutes(r: AcRouter): void {
  r.add('POST', '/connections', (req) => {
    const ctx = req.ctx;
    const body = wrapped(req, 'connection');
    const errors: FieldError[] = [];
    const v: Record<string, string> = {};
    for (const k of REQUIRED) {
      const s = str(body?.[k])?.trim();
      if (!s) errors.push(fieldError(k, 'field_missing', `The connection field '${k}' is required`));
      else v[k] = s;
    }
    if (errors.length > 0) return unprocessable(errors);
    const clash = [...ctx.store.connections.values()].find(
      (c) => c.service === v['service'] && c.externalid === v['externalid'],
    );
    if (clash)
      return unprocessable([
        fieldError('externalid', 'duplicate', 'A connection for this service and externalid already exists'),
      ]);
    const t = ctx.now();
    const c: Connection = {
      id: ctx.store.nextId('connection'),
      service: v['service']!,
      externalid: v['externalid']!,
      name: v['name']!,
      logoUrl: v['logoUrl']!,
      linkUrl: v['linkUrl']!,
      status: 1,
      syncStatus: 0,
      listId: int(body?.['listId']) ?? null,
      cdate: t,
      udate: t,
    };
    ctx.store.connections.set(c.id, c);
    return created({ connection: connectionRecord(ctx, c) });
  });

  r.add('GET', '/connections', (req) => {
    const service = filter(req, 'service');
    const externalid = filter(req, 'externalid');
    const all = [...req.ctx.store.connections.values()].filter(
      (c) => (!service || c.service === service) && (!externalid || c.externalid === externalid),
    );
    const page = paginate(req, all);
    return ok({ connections: page.items.map((c) => connectionRecord(req.ctx, c)), meta: page.meta });
  });

  r.add('GET', '/connections/:id', (req) => {
    const c = req.ctx.store.connections.get(idParam(req) ?? -1);
    return c
      ? ok({ connection: connectionRecord(req.ctx, c) })
      : notFound('Connection', req.params['id'] ?? '');
  });

  r.add('PUT', '/connections/:id', (req) => {
    const c = req.ctx.store.connections.get(idParam(req) ?? -1);
    if (!c) return notFound('Connection', req.params['id'] ?? '');
    const body = wrapped(req, 'connection') ?? {};
    for (const k of ['name', 'logoUrl', 'linkUrl', 'service', 'externalid'] as const) {
      const s = str(body[k]);
      if (s !== undefined) c[k] = s;
    }
    for (const k of ['status', 'syncStatus'] as const) {
      const n = int(body[k]);
      if (body[k] !== undefined && n === undefined)
        return unprocessable([fieldError(k, 'field_invalid', `${k} must be an integer`)]);
      if (n !== undefined) c[k] = n;
    }
    c.udate = req.ctx.now();
    return ok({ connection: connectionRecord(req.ctx, c) });
  });

  r.add('DELETE', '/connections/:id', (req) => {
    const store = req.ctx.store;
    const id = idParam(req) ?? -1;
    if (!store.connections.has(id)) return notFound('Connection', req.params['id'] ?? '');
    store.connections.delete(id);
    // [UNVERIFIED] Deleting a connection also deletes its e-commerce customers and orders.
    for (const [k, cu] of store.ecomCustomers) if (cu.connectionid === id) store.ecomCustomers.delete(k);
    for (const [k, o] of store.ecomOrders) if (o.connectionid === id) store.ecomOrders.delete(k);
    return deleted();
  });
}
