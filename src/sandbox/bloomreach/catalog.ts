// Runs in: Node (simulators). Owns: the Catalog API routes (catalogs, single and bulk item writes, listing).
import type { Router, SimRequest, SimResponse } from '../kit/index.js';
import { can } from './auth.js';
import {
  FIELD_TYPES,
  badKey,
  checkItemId,
  checkItemProperties,
  orderItems,
  type Catalog,
  type CatalogField,
  type ItemErrors,
} from './catalog-store.js';
import { api, type ApiHandler, type Ctx } from './context.js';
import { authError, isPlainObject, ok } from './errors.js';
import { LIMITS } from './options.js';

const itemError = (errors: ItemErrors): SimResponse => ({ status: 400, body: { success: false, errors } });
const queued = { success: true, queued: true } as const;

function parseFields(raw: unknown): CatalogField[] | string {
  if (!Array.isArray(raw) || raw.length === 0) return 'fields must be a non-empty list';
  const fields: CatalogField[] = [];
  for (const f of raw) {
    if (!isPlainObject(f) || typeof f['name'] !== 'string' || badKey(f['name'])) return 'Invalid field name';
    const type = f['type'] ?? 'string';
    if (!FIELD_TYPES.includes(type as never)) return `Invalid field type '${String(type)}'`;
    fields.push({ name: f['name'], type: type as string, searchable: f['searchable'] === true });
  }
  return fields;
}

export function addCatalogRoutes(router: Router, ctx: Ctx): void {
  const base = '/data/v2/projects/:token/catalogs';
  const guarded = (handler: ApiHandler) =>
    api(ctx, 'private', (req, p) => (can(p, 'catalogs') ? handler(req, p) : authError(403, 'No permission')));
  const withCatalog = (handler: (req: SimRequest, c: Catalog) => SimResponse) =>
    guarded((req) => {
      const catalog = ctx.catalogs.catalogs.get(req.params['id'] ?? '');
      return catalog ? handler(req, catalog) : authError(404, 'Catalog not found');
    });
  const describe = (c: Catalog) => ({
    id: c.id,
    name: c.name,
    is_product_catalog: c.isProductCatalog,
    fields: c.fields,
  });

  router.post(
    base,
    guarded((req) => {
      const body = isPlainObject(req.body) ? req.body : {};
      if (typeof body['name'] !== 'string' || body['name'] === '') return authError(400, 'name is required');
      const fields = parseFields(body['fields']);
      if (typeof fields === 'string') return authError(400, fields);
      return ok({ id: ctx.catalogs.create(body['name'], body['is_product_catalog'] === true, fields).id });
    }),
  );
  router.get(
    base,
    guarded(() => ok({ data: [...ctx.catalogs.catalogs.values()].map(describe) })),
  );
  router.get(
    `${base}/:id`,
    withCatalog((_req, c) => ok({ data: describe(c) })),
  );
  router.put(
    `${base}/:id`,
    withCatalog((req, c) => {
      const body = isPlainObject(req.body) ? req.body : {};
      const fields = parseFields(body['fields']);
      if (typeof fields === 'string') return authError(400, fields);
      const same = (a: CatalogField[], b: CatalogField[]) =>
        a.length === b.length &&
        a.every(
          (f, i) => f.name === b[i]?.name && f.type === b[i]?.type && f.searchable === b[i]?.searchable,
        );
      if (!same(fields, c.fields))
        return authError(400, 'The schema of a catalog cannot be changed after creation');
      if (typeof body['name'] === 'string' && body['name'] !== '') c.name = body['name'];
      return ok();
    }),
  );
  router.delete(
    `${base}/:id`,
    withCatalog((_req, c) => {
      ctx.catalogs.catalogs.delete(c.id);
      return ok();
    }),
  );

  router.get(
    `${base}/:id/items`,
    withCatalog((req, c) => {
      const count = Number(req.query.get('count') ?? 20);
      const skip = Number(req.query.get('skip') ?? 0);
      if (!Number.isInteger(count) || !Number.isInteger(skip) || count < 0 || skip < 0) {
        return authError(400, 'count and skip must be non-negative integers');
      }
      if (count + skip > LIMITS.catalogWindow)
        return authError(400, `count + skip must not exceed ${LIMITS.catalogWindow}`);
      const query = (req.query.get('query') ?? '').toLowerCase();
      const field = req.query.get('field');
      const searchIn = field ? [field] : c.fields.filter((f) => f.searchable).map((f) => f.name);
      const matched = [...c.items.entries()].filter(
        ([id, props]) =>
          query === '' ||
          id.toLowerCase().includes(query) ||
          searchIn.some((f) =>
            String(props[f] ?? '')
              .toLowerCase()
              .includes(query),
          ),
      );
      orderItems(matched, req.query.get('order'));
      const data = matched
        .slice(skip, skip + count)
        .map(([item_id, properties]) => ({ item_id, properties }));
      return ok({
        data,
        limit: count,
        matched: matched.length,
        matched_limited: false,
        skip,
        total: c.items.size,
      });
    }),
  );
  addItemRoutes(router, ctx, base, withCatalog);
}

function addItemRoutes(
  router: Router,
  ctx: Ctx,
  base: string,
  withCatalog: (h: (req: SimRequest, c: Catalog) => SimResponse) => ReturnType<typeof api>,
): void {
  const write = (c: Catalog, entry: unknown, mode: 'replace' | 'partial'): Record<string, unknown> => {
    const e = isPlainObject(entry) ? entry : {};
    const errors = checkItemId(e['item_id']) ?? checkItemProperties(c, e['properties']);
    if (errors) return { success: false, queued: false, errors };
    const id = e['item_id'] as string;
    const props = e['properties'] as Record<string, unknown>;
    ctx.queue.enqueue(() =>
      mode === 'replace'
        ? ctx.catalogs.replace(c, id, props)
        : ctx.catalogs.partial(c, id, props, e['upsert'] === true),
    );
    return { ...queued };
  };
  const bulk = (mode: 'replace' | 'partial') =>
    withCatalog((req, c) =>
      Array.isArray(req.body)
        ? { status: 200, body: req.body.map((entry) => write(c, entry, mode)) }
        : authError(400, 'The body must be a list of items'),
    );
  const single = (mode: 'replace' | 'partial') =>
    withCatalog((req, c) => {
      const body = isPlainObject(req.body) ? req.body : {};
      const result = write(c, { ...body, item_id: req.params['itemId'] }, mode);
      return result['success'] ? ok() : itemError(result['errors'] as ItemErrors);
    });

  router.put(`${base}/:id/items`, bulk('replace'));
  router.post(`${base}/:id/items/partial-update`, bulk('partial'));
  router.delete(
    `${base}/:id/items/bulk-delete`,
    withCatalog((req, c) => {
      if (!Array.isArray(req.body)) return authError(400, 'The body must be a list of item ids');
      const results = req.body.map((entry) => {
        const id = isPlainObject(entry) ? entry['item_id'] : entry;
        const errors = checkItemId(id);
        if (errors) return { success: false, queued: false, errors };
        ctx.queue.enqueue(() => c.items.delete(id as string));
        return { ...queued };
      });
      return { status: 200, body: results };
    }),
  );
  router.delete(
    `${base}/:id/items`,
    withCatalog((_req, c) => {
      ctx.queue.enqueue(() => c.items.clear());
      return ok();
    }),
  );
  router.get(
    `${base}/:id/items/:itemId`,
    withCatalog((req, c) => {
      const id = req.params['itemId'] ?? '';
      const idError = checkItemId(id);
      if (idError) return itemError(idError);
      const item = c.items.get(id);
      return item
        ? ok({ data: { item_id: id, properties: item } })
        : authError(404, 'Catalog item not found');
    }),
  );
  router.put(`${base}/:id/items/:itemId`, single('replace'));
  router.post(`${base}/:id/items/:itemId/partial-update`, single('partial'));
  router.delete(
    `${base}/:id/items/:itemId`,
    withCatalog((req, c) => {
      const id = req.params['itemId'] ?? '';
      const idError = checkItemId(id);
      if (idError) return itemError(idError);
      ctx.queue.enqueue(() => c.items.delete(id));
      return ok();
    }),
  );
}
