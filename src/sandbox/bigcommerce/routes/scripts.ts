// Runs in: Node (simulators). Owns: v3 /content/scripts CRUD (by uuid), visible only to the creating client.
import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../../kit/index.js';
import { type Api, type ApiContext } from '../api.js';
import { v3Error } from '../errors.js';
import { v3List } from '../query.js';
import { renderScript } from '../render/misc.js';
import type { Script } from '../types.js';

const SCOPE = 'store_v2_content';
const ENUMS: Partial<Record<keyof Script, string[]>> = {
  load_method: ['default', 'async', 'defer'],
  location: ['head', 'footer'],
  visibility: ['storefront', 'all_pages', 'checkout', 'order_confirmation'],
  kind: ['src', 'script_tag'],
  consent_category: ['essential', 'functional', 'analytics', 'targeting'],
};

export function scriptRoutes(api: Api): void {
  api.route('GET', '/v3/content/scripts', SCOPE, ({ store, q, token }) => {
    const ids = [...store.scripts.ids()].filter(
      (id) => store.scripts.get(id)!.api_client_id === token.clientId,
    );
    return v3List(ids, q, (id) => renderScript(store.scripts.get(id)!));
  });
  api.route('POST', '/v3/content/scripts', SCOPE, (ctx) => {
    const now = ctx.store.stamp();
    const blank: Script = {
      id: ctx.store.scripts.nextId(),
      uuid: randomUUID(),
      name: '',
      description: '',
      html: '',
      src: '',
      auto_uninstall: true,
      load_method: 'default',
      location: 'footer',
      visibility: 'storefront',
      kind: 'src',
      api_client_id: ctx.token.clientId,
      consent_category: 'essential',
      enabled: true,
      channel_id: 1,
      date_created: now,
      date_modified: now,
    };
    const s = apply(blank, (ctx.body ?? {}) as Record<string, unknown>, false);
    if (typeof s === 'string') return v3Error(422, 'JSON data is missing or invalid', { script: s });
    ctx.store.scripts.put(s);
    return ok(s);
  });
  api.route('GET', '/v3/content/scripts/:uuid', SCOPE, (ctx) => {
    const s = find(ctx);
    return s ? ok(s) : missing();
  });
  api.route('PUT', '/v3/content/scripts/:uuid', SCOPE, (ctx) => {
    const prev = find(ctx);
    if (!prev) return missing();
    const s = apply(
      { ...prev, date_modified: ctx.store.stamp() },
      (ctx.body ?? {}) as Record<string, unknown>,
      true,
    );
    if (typeof s === 'string') return v3Error(422, 'JSON data is missing or invalid', { script: s });
    ctx.store.scripts.put(s);
    return ok(s);
  });
  api.route('DELETE', '/v3/content/scripts/:uuid', SCOPE, (ctx) => {
    const s = find(ctx);
    if (!s) return missing();
    ctx.store.scripts.remove(s.id);
    return { status: 204 };
  });
}

const ok = (s: Script): SimResponse => ({ status: 200, body: { data: renderScript(s), meta: {} } });
const missing = (): SimResponse => v3Error(404, 'Script not found');

function find({ store, req, token }: ApiContext): Script | undefined {
  for (const id of store.scripts.ids()) {
    const s = store.scripts.get(id)!;
    if (s.uuid === req.params['uuid'] && s.api_client_id === token.clientId) return s;
  }
  return undefined;
}

function apply(s: Script, b: Record<string, unknown>, partial: boolean): Script | string {
  const next = { ...s } as Record<string, unknown>;
  for (const k of ['name', 'description', 'html', 'src'] as const) {
    if (b[k] === undefined) continue;
    if (typeof b[k] !== 'string') return `${k} must be a string`;
    next[k] = b[k];
  }
  for (const [k, allowed] of Object.entries(ENUMS)) {
    if (b[k] === undefined) continue;
    if (!allowed.includes(b[k] as string)) return `${k} must be one of ${allowed.join(', ')}`;
    next[k] = b[k];
  }
  for (const k of ['auto_uninstall', 'enabled'] as const) if (typeof b[k] === 'boolean') next[k] = b[k];
  if (typeof b['channel_id'] === 'number') next['channel_id'] = b['channel_id'];
  const r = next as unknown as Script;
  if (!partial && !r.name) return 'name is required';
  if (r.kind === 'src' && !r.src) return 'src is required when kind is src';
  if (r.kind === 'script_tag' && !r.html) return 'html is required when kind is script_tag';
  return r;
}
