// Runs in: Node (simulators). Owns: v3 /hooks CRUD. Hooks are visible only to the client that created them;
// (client, scope, destination) is unique. Any http(s) destination is accepted (see README: deviations).
import type { SimResponse } from '../../kit/index.js';
import { type Api, type ApiContext } from '../api.js';
import { v3Error } from '../errors.js';
import { boolParam } from '../filters.js';
import { v3List } from '../query.js';
import { renderHook } from '../render/misc.js';
import type { Hook } from '../types.js';

export function hookRoutes(api: Api): void {
  api.route('GET', '/v3/hooks', null, ({ store, q, token }) => {
    const active = boolParam(q, 'is_active');
    const scope = q.get('scope');
    const destination = q.get('destination');
    const ids = [...store.hooks.ids()].filter((id) => {
      const h = store.hooks.get(id)!;
      return (
        h.client_id === token.clientId &&
        (active === undefined || h.is_active === active) &&
        (!scope || h.scope === scope) &&
        (!destination || h.destination === destination)
      );
    });
    return v3List(ids, q, (id) => renderHook(store.hooks.get(id)!, store.hash));
  });
  api.route('POST', '/v3/hooks', null, create);
  api.route('GET', '/v3/hooks/:id', null, (ctx) => {
    const h = own(ctx);
    return h ? ok(h, ctx) : missing(ctx);
  });
  api.route('PUT', '/v3/hooks/:id', null, update);
  api.route('DELETE', '/v3/hooks/:id', null, (ctx) => {
    const h = own(ctx);
    if (!h) return missing(ctx);
    ctx.store.hooks.remove(h.id);
    return ok(h, ctx);
  });
}

const ok = (h: Hook, { store }: ApiContext): SimResponse => ({
  status: 200,
  body: { data: renderHook(h, store.hash), meta: {} },
});
const missing = ({ req }: ApiContext): SimResponse =>
  v3Error(404, `Webhook with id [${req.params['id'] ?? ''}] not found`);

function own({ store, req, token }: ApiContext): Hook | undefined {
  const h = store.hooks.get(Number(req.params['id']));
  return h && h.client_id === token.clientId ? h : undefined;
}

function validate(b: Record<string, unknown>, partial: boolean): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  if (!partial || b['scope'] !== undefined)
    if (typeof b['scope'] !== 'string' || !/^store\/[a-zA-Z/]+(\*)?$/.test(b['scope']))
      errors['scope'] = 'error.path.missing.';
  if (!partial || b['destination'] !== undefined) {
    let okUrl = false;
    try {
      okUrl = /^https?:$/.test(new URL(String(b['destination'])).protocol);
    } catch {
      okUrl = false;
    }
    if (!okUrl) errors['destination'] = 'error.path.missing.';
  }
  if (b['headers'] !== undefined && b['headers'] !== null) {
    const h = b['headers'];
    if (
      typeof h !== 'object' ||
      Array.isArray(h) ||
      Object.values(h as object).some((v) => typeof v !== 'string')
    )
      errors['headers'] = 'must be an object of strings';
  }
  if (b['is_active'] !== undefined && typeof b['is_active'] !== 'boolean')
    errors['is_active'] = 'must be a boolean';
  return Object.keys(errors).length ? errors : undefined;
}

function duplicate(ctx: ApiContext, scope: string, destination: string, except?: number): boolean {
  return [...ctx.store.hooks.ids()].some((id) => {
    const h = ctx.store.hooks.get(id)!;
    return (
      id !== except &&
      h.client_id === ctx.token.clientId &&
      h.scope === scope &&
      h.destination === destination
    );
  });
}

function create(ctx: ApiContext): SimResponse {
  const b = (ctx.body ?? {}) as Record<string, unknown>;
  const errors = validate(b, false);
  if (errors) return v3Error(422, 'JSON data is missing or invalid', errors);
  const scope = b['scope'] as string;
  const destination = b['destination'] as string;
  if (duplicate(ctx, scope, destination))
    return v3Error(422, 'A webhook with this scope and destination already exists.', {
      destination: 'is not unique for this scope',
    });
  const now = ctx.store.now();
  const h: Hook = {
    id: ctx.store.hooks.nextId(),
    client_id: ctx.token.clientId,
    scope,
    destination,
    headers: (b['headers'] as Record<string, string> | null | undefined) ?? null,
    is_active: b['is_active'] === undefined ? true : (b['is_active'] as boolean),
    created_at: now,
    date_modified: now,
  };
  ctx.store.hooks.put(h);
  return ok(h, ctx);
}

function update(ctx: ApiContext): SimResponse {
  const h = own(ctx);
  if (!h) return missing(ctx);
  const b = (ctx.body ?? {}) as Record<string, unknown>;
  const errors = validate(b, true);
  if (errors) return v3Error(422, 'JSON data is missing or invalid', errors);
  const next: Hook = { ...h, date_modified: ctx.store.now() };
  if (b['scope'] !== undefined) next.scope = b['scope'] as string;
  if (b['destination'] !== undefined) next.destination = b['destination'] as string;
  if (b['headers'] !== undefined) next.headers = b['headers'] as Record<string, string> | null;
  if (b['is_active'] !== undefined) next.is_active = b['is_active'] as boolean;
  if (duplicate(ctx, next.scope, next.destination, h.id))
    return v3Error(422, 'A webhook with this scope and destination already exists.', {
      destination: 'is not unique for this scope',
    });
  ctx.store.hooks.put(next);
  return ok(next, ctx);
}
