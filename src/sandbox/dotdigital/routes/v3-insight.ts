// Runs in: Node (simulators). Owns: v3 Insight data: bulk import (auto-creates the collection, 202 then
// status with per-record failures), single-record PUT (201 created / 204 replaced), reads, deletes.
import type { Account } from '../account.js';
import { v3Error } from '../errors.js';
import type { SimContext } from '../gate.js';
import { collectionNamePattern, hasNestedArray, upsertRecord } from '../insight.js';
import type { InsightRecord } from '../store.js';
import { findBy } from '../v3-contact.js';
import { type Add, isObj, ok, type Obj } from './shared.js';
import { markerPage } from './v3-paging.js';

const types = [
  'cartInsight',
  'catalog',
  'consentInsight',
  'custom',
  'easyEditorExtensions',
  'nostoEmailCampaigns',
  'orders',
  'productCategories',
  'webInsight',
  'wishList',
];
const bad = (item: string, description: string) =>
  v3Error(400, 'insightData:validationFailed', description, [{ item, description }]);
const view = (r: InsightRecord) => ({
  key: r.key,
  json: r.json,
  created: new Date(r.created).toISOString(),
  updated: new Date(r.updated).toISOString(),
  ...(r.contactId !== undefined ? { ownerContactId: r.contactId } : {}),
});

function runImport(acct: Account, name: string, scope: string, type: string, records: Obj[], now: number) {
  const failures: Obj[] = [];
  let imported = 0;
  const keys = new Set<string>();
  for (const r of records) {
    const identity = isObj(r.contactIdentity) ? r.contactIdentity : undefined;
    const owner =
      scope === 'account'
        ? { ownerType: 'account' }
        : { ownerType: 'contact', contactIdentity: identity ?? { identifier: 'email', value: null } };
    const fail = (failureReason: string) =>
      failures.push({
        key: String(r.key ?? ''),
        json: isObj(r.json) ? r.json : {},
        collectionOwner: owner,
        failureReason,
      });
    if (typeof r.key !== 'string' || r.key === '' || !isObj(r.json)) fail('InvalidJson');
    else if (keys.has(r.key)) fail('DuplicateKey');
    else if (hasNestedArray(r.json)) fail('JsonContainsNestedArray');
    else {
      keys.add(r.key);
      let contactId: number | undefined;
      if (scope === 'contact') {
        const c = identity ? findBy(acct, String(identity.identifier), String(identity.value)) : undefined;
        if (!c) {
          fail(
            identity?.identifier === 'contactId'
              ? 'ContactIdDoesNotExist'
              : identity
                ? 'ContactEmailDoesNotExist'
                : 'InvalidContactIdentifier',
          );
          continue;
        }
        contactId = c.id;
      }
      const u = upsertRecord(acct, name, r.key, contactId, r.json, now, type);
      if ('error' in u) fail('Unknown');
      else imported++;
    }
  }
  return { imported, failures };
}

export function v3InsightRoutes(add: Add, ctx: SimContext): void {
  add('PUT', '/insightData/v3/import', 'low', (req, acct) => {
    const b = isObj(req.body) ? req.body : {};
    if (typeof b.collectionName !== 'string' || !collectionNamePattern.test(b.collectionName))
      return bad('collectionName', 'collectionName is not valid.');
    if (b.collectionScope !== 'account' && b.collectionScope !== 'contact')
      return bad('collectionScope', 'collectionScope must be account or contact.');
    if (!types.includes(String(b.collectionType)))
      return bad('collectionType', `collectionType must be one of ${types.join(', ')}.`);
    if (!Array.isArray(b.records) || b.records.length === 0)
      return bad('records', 'records must be a non-empty array.');
    const existing = acct.store.collection(b.collectionName);
    if (existing && existing.scope !== b.collectionScope)
      return bad('collectionScope', `${b.collectionName} is a ${existing.scope} collection.`);
    if (ctx.jobs.active(acct, ['insight-v2', 'insight-v3']) >= ctx.maxActiveInsightImports)
      return v3Error(429, 'insightData:tooManyImportRequests', 'Too many import requests.');
    const [name, scope, type, records] = [
      b.collectionName,
      b.collectionScope as 'account' | 'contact',
      String(b.collectionType),
      b.records.filter(isObj),
    ];
    acct.store.ensureCollection(name, scope, type);
    const job = ctx.jobs.start(
      acct,
      'insight-v3',
      () => runImport(acct, name, scope, type, records, ctx.now()),
      { collectionName: name, total: b.records.length },
    );
    return ok({ importId: job.id }, 202);
  });
  add('GET', '/insightData/v3/import/:id', 'unlimited', (req, acct) => {
    const j = acct.store.jobs.get(req.params.id!);
    if (j?.kind !== 'insight-v3')
      return v3Error(404, 'insightData:importNotFound', 'The import was not found.');
    const base = { importId: j.id, collectionName: j.meta.collectionName };
    if (j.state !== 'finished')
      return ok({ ...base, status: j.state === 'pending' ? 'NotStarted' : 'Failed' });
    const r = j.report as ReturnType<typeof runImport>;
    const total = Number(j.meta.total);
    return ok({
      ...base,
      status: 'Complete',
      summary: { totalRecords: total, totalImported: r.imported, totalRejected: total - r.imported },
      ...(r.failures.length > 0 ? { failures: r.failures } : {}),
    });
  });

  add('GET', '/insightData/v3/collections', 'high', (_req, acct) =>
    ok(
      [...acct.store.collections.values()].map((c) => ({
        collectionName: c.name,
        collectionType: c.type,
        collectionScope: c.scope,
        recordCount: c.records.size,
      })),
    ),
  );

  const put = (
    acct: Account,
    name: string | undefined,
    key: string | undefined,
    body: unknown,
    contactId?: number,
  ) => {
    if (!name || !collectionNamePattern.test(name))
      return bad('collectionName', 'collectionName is not valid.');
    if (!isObj(body)) return bad('body', 'The record must be a JSON object.');
    if (hasNestedArray(body)) return bad('body', 'Arrays nested in arrays are not allowed.');
    const u = upsertRecord(acct, name, key ?? '', contactId, body, ctx.now());
    if ('error' in u) return bad('collectionName', `${name} is a ${u.collection.scope} collection.`);
    return { status: u.created ? 201 : 204 };
  };
  add('PUT', '/insightData/v3/account/:collection/:key', 'medium', (req, acct) =>
    put(acct, req.params.collection, req.params.key, req.body),
  );
  add('PUT', '/insightData/v3/contacts/:identifier/:value/:collection/:key', 'medium', (req, acct) => {
    const c = findBy(acct, req.params.identifier!, req.params.value!);
    if (!c) return v3Error(404, 'insightData:contactNotFound', 'The contact was not found.');
    return put(acct, req.params.collection, req.params.key, req.body, c.id);
  });

  const col = (acct: Account, name: string | undefined, scope: 'account' | 'contact') => {
    const c = acct.store.collection(name ?? '');
    return c?.scope === scope ? c : undefined;
  };
  const missing = () => v3Error(404, 'insightData:notFound', 'The collection or record was not found.');
  add('GET', '/insightData/v3/account/:collection', 'low', (req, acct) => {
    const c = col(acct, req.params.collection, 'account');
    if (!c) return missing();
    const sorted = [...c.records.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const p = markerPage(req, sorted, (r) => r.key, 1000);
    return 'error' in p ? p.error : ok({ _links: p.links, _items: p.items.map(view) });
  });
  add('GET', '/insightData/v3/account/:collection/:key', 'high', (req, acct) => {
    const r = col(acct, req.params.collection, 'account')?.records.get(req.params.key!);
    return r ? ok(view(r)) : missing();
  });
  add('DELETE', '/insightData/v3/account/:collection/:key', 'medium', (req, acct) => {
    return col(acct, req.params.collection, 'account')?.records.delete(req.params.key!)
      ? { status: 204 }
      : missing();
  });
  add('GET', '/insightData/v3/contacts/:identifier/:value/:collection', 'low', (req, acct) => {
    const contact = findBy(acct, req.params.identifier!, req.params.value!);
    const c = col(acct, req.params.collection, 'contact');
    if (!contact || !c) return missing();
    const sorted = [...c.records.values()]
      .filter((r) => r.contactId === contact.id)
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const p = markerPage(req, sorted, (r) => r.key, 1000);
    return 'error' in p ? p.error : ok({ _links: p.links, _items: p.items.map(view) });
  });
}
