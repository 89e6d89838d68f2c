// Runs in: main (Electron-free). Owns: after a resume or a clock jump, when each connection runs again, so the
// backlog of a sleep is worked off without bursting any store's shared BigCommerce quota or a platform scope.
import { earliestStart, type Placed } from './catch-up-constraints.js';

export interface CatchUpConnection {
  id: string;
  storeId: string;
  /** The platform rate-limit scope the connection delivers through (`RateLimit.scopeKey`). */
  scopeKey: string;
  intervalMs: number;
  /** Start of its last run; undefined when it never ran. */
  lastRunAt?: number;
  paused: boolean;
  /** BigCommerce calls a run spends at its start (pages of the incremental read); defaults from options. */
  storeCalls?: number;
  /** Platform calls a run spends; defaults from options. */
  platformCalls?: number;
}

/** A store's BigCommerce quota (150 per 30 s on Standard plans) and the share of it Storebridge may use. */
export interface StoreQuota {
  limit: number;
  windowMs: number;
  /** 0 < share <= 1: every app installed on the store draws from the same quota. */
  share: number;
}

export interface CatchUpOptions {
  now: number;
  quota: StoreQuota;
  /** Per-store override (Plus/Enterprise plans have larger quotas). */
  quotaFor?: (storeId: string) => StoreQuota | undefined;
  /** Sustained calls per second of each platform scope; unknown scopes are not paced here. */
  platformRate: (scopeKey: string) => number | undefined;
  /** Runs of one store that may extract at the same time. */
  maxConcurrentPerStore?: number;
  /** How long a run is assumed to hold its store's extraction slot. */
  runMs?: number;
  defaultStoreCalls?: number;
  defaultPlatformCalls?: number;
  /** Smallest gap between any two starts, so a wake-up never fires everything in the same tick. */
  minGapMs?: number;
}

export interface PlannedRun {
  connectionId: string;
  storeId: string;
  scopeKey: string;
  at: number;
  /** How late it already was at `now` (0 when not yet due; Infinity when it never ran). */
  lagMs: number;
  storeCalls: number;
  platformCalls: number;
}

export interface CatchUpPlan {
  runs: PlannedRun[];
  paused: string[];
  /** Per store, the call budget per quota window the plan kept to. */
  budgets: Map<string, { calls: number; windowMs: number }>;
  notes: string[];
}

export function planCatchUp(connections: readonly CatchUpConnection[], o: CatchUpOptions): CatchUpPlan {
  const opts = {
    maxConcurrentPerStore: o.maxConcurrentPerStore ?? 1,
    runMs: o.runMs ?? 30_000,
    defaultStoreCalls: o.defaultStoreCalls ?? 10,
    defaultPlatformCalls: o.defaultPlatformCalls ?? 20,
    minGapMs: o.minGapMs ?? 250,
  };
  const notes: string[] = [];
  const budgets = new Map<string, { calls: number; windowMs: number }>();
  const budgetOf = (storeId: string) => {
    let b = budgets.get(storeId);
    if (!b) {
      const q = o.quotaFor?.(storeId) ?? o.quota;
      if (!(q.share > 0 && q.share <= 1)) throw new Error(`Quota share for ${storeId} must be in (0, 1]`);
      b = { calls: Math.max(1, Math.floor(q.limit * q.share)), windowMs: q.windowMs };
      budgets.set(storeId, b);
    }
    return b;
  };

  const active = connections.filter((c) => !c.paused);
  const order = active
    .map((c) => ({ c, due: c.lastRunAt === undefined ? -Infinity : c.lastRunAt + c.intervalMs }))
    // Most overdue first (never-run first of all); ties by id so the plan is the same every time.
    .sort((a, b) => a.due - b.due || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));

  const placed: Placed[] = [];
  const runs: PlannedRun[] = [];
  for (const { c, due } of order) {
    const budget = budgetOf(c.storeId);
    let storeCalls = c.storeCalls ?? opts.defaultStoreCalls;
    if (storeCalls > budget.calls) {
      // The extractor paces itself beyond its first window; the planner only needs its opening burst.
      notes.push(
        `${c.id}: ${storeCalls} store calls exceed one window's budget (${budget.calls}); counted as ${budget.calls}`,
      );
      storeCalls = budget.calls;
    }
    const platformCalls = c.platformCalls ?? opts.defaultPlatformCalls;
    const rate = o.platformRate(c.scopeKey);
    const candidate: Placed = {
      storeId: c.storeId,
      scopeKey: c.scopeKey,
      at: Math.max(o.now, due),
      storeCalls,
      holdMs: opts.runMs,
      scopeHoldMs: rate && rate > 0 ? Math.ceil((platformCalls / rate) * 1000) : 0,
    };
    const at = earliestStart(candidate, placed, {
      budget: budget.calls,
      windowMs: budget.windowMs,
      maxConcurrent: opts.maxConcurrentPerStore,
      minGapMs: opts.minGapMs,
    });
    placed.push({ ...candidate, at });
    runs.push({
      connectionId: c.id,
      storeId: c.storeId,
      scopeKey: c.scopeKey,
      at,
      lagMs: due === -Infinity ? Infinity : Math.max(0, o.now - due),
      storeCalls,
      platformCalls,
    });
  }
  runs.sort((a, b) => a.at - b.at);
  return { runs, paused: connections.filter((c) => c.paused).map((c) => c.id), budgets, notes };
}
