// Runs in: main (Electron-free). Owns: change detection for one store: historical and incremental reads
// (keyset by date_modified where the API sorts by it, offset otherwise), the product sweep and id
// reconciliation. One Extractor per store feeds every connection of that store.
import type { BigCommerceClient, Page } from '../bigcommerce/client.js';
import { filterDate, parseBcDate } from '../bigcommerce/dates.js';
import { PAGE_LIMIT, v2Pages, v3Pages } from '../bigcommerce/paginate.js';
import type { Query } from '../bigcommerce/query.js';
import { cancelled } from '../bigcommerce/rate-budget.js';
import { systemClock, type Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { Db } from '../storage/db.js';
import { emptyResult, type ExtractPhase, type ExtractProgress, type ExtractResult } from './progress.js';
import { resourceSpecs, type ExtractResource, type ResourceSpec } from './resources.js';
import { StagingRepo, type StagedRecord } from './staging-repo.js';

export interface ExtractorOptions {
  db: Db;
  client: BigCommerceClient;
  storeId: string;
  clock?: Clock;
  /** Each incremental read starts this far before its cursor, for records committed late. Default 5 min. */
  overlapMs?: number;
  pageLimit?: number;
  onProgress?: (p: ExtractProgress) => void;
}

export interface RunOptions {
  signal?: AbortSignal;
}

export interface HistoricalOptions extends RunOptions {
  /** Only records created in this range (ISO or epoch ms); omitted = everything. */
  createdFrom?: string | number;
  createdTo?: string | number;
}

interface ModifiedCursor {
  /** ISO UTC: everything modified before this has been staged. */
  modifiedSince: string;
  /** An offset pass in progress (resources without a date sort), to resume after a crash. */
  pass?: { since: string; startedAt: string; page: number };
}

type Row = { id: number; date_modified: string };

export class Extractor {
  readonly repo: StagingRepo;
  private readonly clock: Clock;
  private readonly overlapMs: number;
  private readonly limit: number;

  constructor(private readonly o: ExtractorOptions) {
    this.repo = new StagingRepo(o.db);
    this.clock = o.clock ?? systemClock;
    this.overlapMs = o.overlapMs ?? 5 * 60_000;
    this.limit = o.pageLimit ?? PAGE_LIMIT;
  }

  /** Reads every record (or those created in a range); a full read also sets the incremental cursor. */
  async historical(resource: ExtractResource, opts: HistoricalOptions = {}): Promise<ExtractResult> {
    const spec = resourceSpecs[resource];
    const ranged = opts.createdFrom !== undefined || opts.createdTo !== undefined;
    const created = historicalFilter(resource, opts);
    // A ranged read keeps its own cursor so it can resume without touching live sync's.
    const key = ranged
      ? `${resource}#historical:${created[Object.keys(created)[0]!] ?? ''}..${created[Object.keys(created)[1]!] ?? ''}`
      : resource;
    return this.read(spec, 'historical', key, 0, created, opts.signal);
  }

  /** Reads what changed since the cursor (minus the overlap window); the first run reads everything. */
  async incremental(resource: ExtractResource, opts: RunOptions = {}): Promise<ExtractResult> {
    const spec = resourceSpecs[resource];
    const cur = this.cursor(resource);
    const since = cur ? Math.max(0, Date.parse(cur.modifiedSince) - this.overlapMs) : 0;
    return this.read(spec, 'incremental', resource, since, {}, opts.signal);
  }

  /**
   * Re-reads every product: a variant edit does not change the product's date_modified, so only a
   * content-hash comparison finds it. Changed products are staged again (same date_modified, new seq).
   */
  async sweepProducts(opts: RunOptions = {}): Promise<ExtractResult> {
    const spec = resourceSpecs.products;
    const r = this.start('products', 'sweep');
    const storeNow = await this.o.client.storeTime(opts.signal);
    r.calls++;
    for await (const page of spec.pages(this.o.client, {
      query: {},
      signal: opts.signal,
      limit: this.limit,
    })) {
      this.commit(r, spec, page.items, undefined);
    }
    this.repo.setCursor(
      this.o.storeId,
      'products#sweep',
      JSON.stringify({ at: new Date(storeNow).toISOString() }),
      this.nowIso(),
    );
    return this.finish(r);
  }

  /** Lists every id; ids staged before but gone from the store get a deletion marker in staging. */
  async reconcile(resource: ExtractResource, opts: RunOptions = {}): Promise<ExtractResult> {
    const spec = resourceSpecs[resource];
    const r = this.start(resource, 'reconcile');
    const before = new Set(this.repo.liveIds(this.o.storeId, resource));
    const storeNow = await this.o.client.storeTime(opts.signal);
    const walk = spec.ids.api === 'v3' ? v3Pages : v2Pages;
    const present = new Set<string>();
    for await (const page of walk(this.o.client.transport, spec.ids.path, spec.ids.query, {
      signal: opts.signal,
      limit: this.limit,
    })) {
      for (const item of page.items) present.add(String((item as { id: unknown }).id));
      r.pages++;
      r.records += page.items.length;
      this.tick(r);
    }
    // Records created after `before` was taken are not in it, so they can never be mistaken for deletions.
    const gone = [...before].filter((id) => !present.has(id));
    r.deleted = this.repo.markDeleted(
      this.o.storeId,
      resource,
      gone,
      new Date(storeNow).toISOString(),
      this.nowIso(),
    );
    return this.finish(r);
  }

  cursor(key: string): ModifiedCursor | undefined {
    const v = this.repo.getCursor(this.o.storeId, key);
    return v ? (JSON.parse(v) as ModifiedCursor) : undefined;
  }

  // ---- reading ---------------------------------------------------------------------------------------

  private async read(
    spec: ResourceSpec,
    phase: ExtractPhase,
    key: string,
    sinceMs: number,
    extra: Query,
    signal?: AbortSignal,
  ): Promise<ExtractResult> {
    const r = this.start(spec.name, phase);
    const storeNow = await this.o.client.storeTime(signal);
    r.calls++;
    if (spec.sortByModified) await this.readKeyset(r, spec, key, sinceMs, extra, signal);
    else await this.readOffset(r, spec, key, sinceMs, storeNow, extra, signal);
    r.cursor = this.repo.getCursor(this.o.storeId, key);
    return this.finish(r);
  }

  /**
   * Walks forward by date_modified: each request asks for the oldest records at or after the newest
   * date_modified seen so far. Records edited meanwhile move to the end and are read again (a new
   * version); untouched ones never shift, unlike with offset paging.
   */
  private async readKeyset(
    r: ExtractResult,
    spec: ResourceSpec,
    key: string,
    sinceMs: number,
    extra: Query,
    signal?: AbortSignal,
  ): Promise<void> {
    let since = Math.floor(sinceMs / 1000) * 1000;
    const sort = spec.sortByModified!;
    for (;;) {
      this.checkAbort(signal);
      const page = await first(
        spec.pages(this.o.client, {
          query: { ...sort, ...extra, ...spec.modified(filterDate(since)) },
          signal,
          limit: this.limit,
        }),
      );
      const items = page?.items ?? [];
      assertAscending(spec.name, items);
      this.commit(r, spec, items, key);
      if (items.length < this.limit) return;
      const newest = Math.floor(parseBcDate(items[items.length - 1]!.date_modified)! / 1000) * 1000;
      if (newest > since) {
        since = newest;
        continue;
      }
      // A full page within one second: walk that second by offset, then step past it.
      const exact = spec.modified(filterDate(since), filterDate(since));
      for await (const p of spec.pages(this.o.client, {
        query: { ...sort, ...extra, ...exact },
        signal,
        limit: this.limit,
        startPage: 2,
      })) {
        this.commit(r, spec, p.items, key);
      }
      since += 1000;
    }
  }

  /**
   * For endpoints without a date sort: offset pages under a fixed `date_modified:min`. Progress is saved
   * per page with the page; when the pass ends the cursor moves to the store time at which it began.
   */
  private async readOffset(
    r: ExtractResult,
    spec: ResourceSpec,
    key: string,
    sinceMs: number,
    storeNow: number,
    extra: Query,
    signal?: AbortSignal,
  ): Promise<void> {
    const prev = this.cursor(key);
    const pass = prev?.pass ?? {
      since: new Date(sinceMs).toISOString(),
      startedAt: new Date(storeNow).toISOString(),
      page: 0,
    };
    const base = prev?.modifiedSince ?? new Date(0).toISOString();
    let total: number | undefined;
    let shifted = false;
    const query = { ...extra, ...spec.modified(filterDate(Date.parse(pass.since))) };
    for await (const page of spec.pages(this.o.client, {
      query,
      signal,
      limit: this.limit,
      startPage: pass.page + 1,
    })) {
      this.checkAbort(signal);
      if (total !== undefined && page.total !== undefined && page.total < total) shifted = true;
      total = page.total ?? total;
      pass.page = page.page;
      this.commit(r, spec, page.items, key, JSON.stringify({ modifiedSince: base, pass }));
    }
    // Records deleted mid-pass shift later pages left and one may be skipped: read the range once more
    // (already-staged records are recognised and cost nothing but the calls).
    if (shifted) {
      for await (const page of spec.pages(this.o.client, { query, signal, limit: this.limit }))
        this.commit(r, spec, page.items, undefined);
    }
    this.repo.setCursor(
      this.o.storeId,
      key,
      JSON.stringify({ modifiedSince: pass.startedAt }),
      this.nowIso(),
    );
  }

  private commit(
    r: ExtractResult,
    spec: ResourceSpec,
    items: readonly Row[],
    key: string | undefined,
    cursorValue?: string,
  ): void {
    const records: StagedRecord[] = items.map((it) => ({
      id: String(it.id),
      dateModified: it.date_modified,
      payload: it,
    }));
    let cursor: { key: string; value: string } | undefined;
    if (key && cursorValue) cursor = { key, value: cursorValue };
    else if (key && spec.sortByModified && records.length > 0) {
      const prev = this.cursor(key)?.modifiedSince ?? '';
      const newest = records.reduce((m, x) => (x.dateModified > m ? x.dateModified : m), prev);
      cursor = { key, value: JSON.stringify({ modifiedSince: newest }) };
    }
    const res = this.repo.commitPage(this.o.storeId, spec.name, records, cursor, this.nowIso());
    r.pages++;
    r.records += items.length;
    r.staged += res.staged;
    r.unchanged += res.unchanged;
    this.tick(r);
  }

  private startCalls = new WeakMap<ExtractResult, number>();

  private start(resource: ExtractResource, phase: ExtractPhase): ExtractResult {
    const r = emptyResult(resource, phase);
    this.startCalls.set(r, this.o.client.calls);
    return r;
  }

  private tick(r: ExtractResult): void {
    r.calls = this.o.client.calls - (this.startCalls.get(r) ?? 0);
    this.o.onProgress?.({
      resource: r.resource,
      phase: r.phase,
      pages: r.pages,
      records: r.records,
      staged: r.staged,
      calls: r.calls,
    });
  }

  private finish(r: ExtractResult): ExtractResult {
    r.calls = this.o.client.calls - (this.startCalls.get(r) ?? 0);
    return r;
  }

  private checkAbort(signal?: AbortSignal): void {
    if (signal?.aborted) throw cancelled(signal);
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

async function first<T>(gen: AsyncGenerator<Page<T>>): Promise<Page<T> | undefined> {
  try {
    const n = await gen.next();
    return n.done ? undefined : n.value;
  } finally {
    await gen.return(undefined);
  }
}

/** The filter a historical read of `resource` sends (on top of its paging); the estimate counts with it too. */
export function historicalFilter(
  resource: ExtractResource,
  range: Pick<HistoricalOptions, 'createdFrom' | 'createdTo'>,
): Query {
  return resourceSpecs[resource].created(bound(range.createdFrom), bound(range.createdTo));
}

function bound(v: string | number | undefined): string | undefined {
  if (v === undefined) return undefined;
  const ms = typeof v === 'number' ? v : parseBcDate(v);
  if (ms === undefined)
    throw new AppError('invalid_input', `"${String(v)}" is not a date: use ISO 8601, e.g. 2024-01-31.`);
  return filterDate(ms);
}

/** Keyset reading is only safe when the API really sorted by date_modified; refuse rather than skip records. */
function assertAscending(resource: string, items: readonly Row[]): void {
  for (let i = 1; i < items.length; i++) {
    if (items[i]!.date_modified < items[i - 1]!.date_modified) {
      throw new AppError(
        'upstream',
        `BigCommerce did not sort ${resource} by date_modified as asked (record ${items[i]!.id}); the read stopped so that no record is skipped.`,
      );
    }
  }
}
