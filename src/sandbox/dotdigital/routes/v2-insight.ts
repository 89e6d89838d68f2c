// Runs in: Node (simulators). Owns: v2 Insight (transactional) data: single-record add and replace,
// read and delete by key, per-contact and account-scope reads, collections, and bulk imports.
import type { Account } from '../account.js';
import { msg, v2Error } from '../errors.js';
import type { SimContext } from '../gate.js';
import { collectionNamePattern, hasNestedArray, readJson, resolveOwner, upsertRecord } from '../insight.js';
import type { InsightRecord } from '../store.js';
import { type Add, obj, ok, page } from './shared.js';

export function v2InsightRoutes(add: Add, ctx: SimContext): void {
  const view = (acct: Account, r: InsightRecord) => ({
    key: r.key,
    contactIdentifier:
      r.contactId === undefined
        ? 'account'
        : (acct.store.contacts.get(r.contactId)?.email ?? String(r.contactId)),
    json: r.json,
  });
  const badName = () =>
    v2Error(
      400,
      msg.invalid(
        'The collection name may hold letters, digits and _ only, must not start with a digit, and is at most 255 characters.',
      ),
    );

  /** Validates one `{key, contactIdentifier, json}`; returns an error message or the parts. */
  const parse = (acct: Account, body: unknown) => {
    const b = obj(body);
    if (typeof b.key !== 'string' || b.key === '') return 'key is required.';
    if (typeof b.contactIdentifier !== 'string' || b.contactIdentifier === '')
      return 'contactIdentifier is required.';
    const json = readJson(b.json);
    if (!json) return 'json must be a JSON object.';
    if (hasNestedArray(json)) return 'json must not contain arrays nested in arrays.';
    const owner = resolveOwner(acct, b.contactIdentifier);
    return { key: b.key, owner, json };
  };

  add('POST', '/v2/contacts/transactional-data/import/:collection', 'low', (req, acct) => {
    const name = req.params.collection!;
    if (!collectionNamePattern.test(name)) return badName();
    if (!Array.isArray(req.body) || req.body.length === 0)
      return v2Error(400, msg.invalid('The body must be a non-empty array of records.'));
    const items = req.body.map((r) => parse(acct, r));
    const bad = items.findIndex((i) => typeof i === 'string');
    if (bad >= 0) return v2Error(400, msg.invalid(`Record ${bad}: ${String(items[bad])}`));
    if (ctx.jobs.active(acct, ['insight-v2', 'insight-v3']) >= ctx.maxActiveInsightImports)
      return v2Error(400, msg.tooManyImports);
    const job = ctx.jobs.start(acct, 'insight-v2', () => {
      const faults: Array<{ key: string; reason: string }> = [];
      let imported = 0;
      for (const i of items) {
        if (typeof i === 'string') continue;
        // Records for unknown contacts are skipped, not refused: only the report tells.
        if (!i.owner) faults.push({ key: i.key, reason: 'ContactNotFound' });
        else if ('error' in upsertRecord(acct, name, i.key, i.owner.contactId, i.json, ctx.now()))
          faults.push({ key: i.key, reason: 'WrongCollectionScope' });
        else imported++;
      }
      return { totalItems: items.length, totalImported: imported, totalRejected: faults.length, faults };
    });
    return ok({ id: job.id, status: 'NotStarted' }, 202);
  });
  add('GET', '/v2/contacts/transactional-data/import/:id', 'unlimited', (req, acct) => {
    const j = acct.store.jobs.get(req.params.id!);
    if (j?.kind !== 'insight-v2') return v2Error(404, msg.importNotFound);
    return ok({
      id: j.id,
      status: j.state === 'pending' ? 'NotFinished' : j.state === 'finished' ? 'Finished' : 'Failed',
    });
  });
  add('GET', '/v2/contacts/transactional-data/import/:id/report', 'low', (req, acct) => {
    const j = acct.store.jobs.get(req.params.id!);
    if (j?.kind !== 'insight-v2') return v2Error(404, msg.importNotFound);
    return j.state === 'finished' ? ok(j.report) : v2Error(400, msg.reportNotFound);
  });

  add('POST', '/v2/contacts/transactional-data/:collection', 'medium', (req, acct) => {
    const name = req.params.collection!;
    if (!collectionNamePattern.test(name)) return badName();
    const p = parse(acct, req.body);
    if (typeof p === 'string') return v2Error(400, msg.invalid(p));
    if (!p.owner) return v2Error(404, msg.contactNotFound);
    const r = upsertRecord(acct, name, p.key, p.owner.contactId, p.json, ctx.now());
    if ('error' in r)
      return v2Error(400, msg.invalid(`${name} is a ${r.collection.scope}-scoped collection.`));
    return ok(view(acct, r.record), 201);
  });
  add('POST', '/v2/contacts/transactional-data/:collection/:key', 'medium', (req, acct) => {
    const r = acct.store.collection(req.params.collection!)?.records.get(req.params.key!);
    if (!r) return v2Error(404, msg.insightNotFound);
    const json = readJson(obj(req.body).json);
    if (!json || hasNestedArray(json)) return v2Error(400, msg.invalid('json must be a JSON object.'));
    r.json = json;
    r.updated = ctx.now();
    return ok(view(acct, r));
  });
  add('GET', '/v2/contacts/transactional-data/:collection/:key', 'high', (req, acct) => {
    const r = acct.store.collection(req.params.collection!)?.records.get(req.params.key!);
    return r ? ok(view(acct, r)) : v2Error(404, msg.insightNotFound);
  });
  add('DELETE', '/v2/contacts/transactional-data/:collection/:key', 'medium', (req, acct) => {
    const col = acct.store.collection(req.params.collection!);
    if (!col?.records.delete(req.params.key!)) return v2Error(404, msg.insightNotFound);
    return { status: 204 };
  });
  add('GET', '/v2/contacts/:selector/transactional-data/:collection', 'low', (req, acct) => {
    const c = acct.store.byIdOrEmail(req.params.selector!);
    if (!c) return v2Error(404, msg.contactNotFound);
    const col = acct.store.collection(req.params.collection!);
    if (!col) return v2Error(404, msg.insightNotFound);
    return ok([...col.records.values()].filter((r) => r.contactId === c.id).map((r) => view(acct, r)));
  });
  add('DELETE', '/v2/contacts/:selector/transactional-data/:collection', 'medium', (req, acct) => {
    const c = acct.store.byIdOrEmail(req.params.selector!);
    if (!c) return v2Error(404, msg.contactNotFound);
    const col = acct.store.collection(req.params.collection!);
    if (!col) return v2Error(404, msg.insightNotFound);
    for (const [k, r] of col.records) if (r.contactId === c.id) col.records.delete(k);
    return { status: 204 };
  });
  add('GET', '/v2/transactional-data/:collection', 'low', (req, acct) => {
    const col = acct.store.collection(req.params.collection!);
    if (!col || col.scope !== 'account') return v2Error(404, msg.insightNotFound);
    const p = page(req, [...col.records.values()]);
    return 'error' in p ? p.error : ok(p.items.map((r) => view(acct, r)));
  });
  add('GET', '/v2/contacts/transactional-data-collections', 'high', (req, acct) => {
    const cols = [...acct.store.collections.values()].filter((c) => c.scope === 'contact');
    const p = page(req, cols);
    return 'error' in p
      ? p.error
      : ok(p.items.map((c) => ({ name: c.name, scope: 'Contact', type: c.type })));
  });
}
