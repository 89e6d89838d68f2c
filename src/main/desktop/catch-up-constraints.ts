// Runs in: main (Electron-free). Owns: the earliest start a planned run can take without breaking a store's
// quota window, the store's extraction concurrency, its platform scope's pace, or the global stagger.
export interface Placed {
  storeId: string;
  scopeKey: string;
  at: number;
  storeCalls: number;
  /** How long it holds one of its store's extraction slots. */
  holdMs: number;
  /** How long its platform calls occupy the scope at the scope's sustained rate. */
  scopeHoldMs: number;
}

export interface Limits {
  budget: number;
  windowMs: number;
  maxConcurrent: number;
  minGapMs: number;
}

const MAX_STEPS = 100_000;

/** Moves `r.at` forward until every rule holds; each rule proposes the earliest time it could hold. */
export function earliestStart(r: Placed, placed: readonly Placed[], l: Limits): number {
  const sameStore = placed.filter((p) => p.storeId === r.storeId);
  const sameScope = placed.filter((p) => p.scopeKey === r.scopeKey && r.scopeHoldMs > 0);
  let t = r.at;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = Math.max(
      quotaWindow(t, r.storeCalls, sameStore, l),
      concurrency(t, r.holdMs, sameStore, l.maxConcurrent),
      scopePace(t, r.scopeHoldMs, sameScope),
      stagger(t, placed, l.minGapMs),
    );
    if (next === t) return t;
    t = next;
  }
  throw new Error(`No start found for a run of ${r.storeId} within ${MAX_STEPS} steps`);
}

/**
 * Every window [s, s+W) that contains t must stay within budget. The fullest such windows start at t or
 * at a run inside (t-W, t]; a window starting at s that is over budget can only be left at s+W.
 */
function quotaWindow(t: number, calls: number, runs: readonly Placed[], l: Limits): number {
  const starts = [t, ...runs.filter((p) => p.at > t - l.windowMs && p.at <= t).map((p) => p.at)];
  let next = t;
  for (const s of starts) {
    const used = runs.reduce((n, p) => (p.at >= s && p.at < s + l.windowMs ? n + p.storeCalls : n), 0);
    if (used + calls <= l.budget) continue;
    if (s < t) next = Math.max(next, s + l.windowMs);
    else {
      // Over budget only because of runs already planned later: step past the first of them.
      const first = Math.min(...runs.filter((p) => p.at >= t && p.at < t + l.windowMs).map((p) => p.at));
      next = Math.max(next, first + 1);
    }
  }
  return next;
}

function concurrency(t: number, holdMs: number, runs: readonly Placed[], max: number): number {
  const overlapping = runs.filter((p) => p.at < t + holdMs && p.at + p.holdMs > t);
  const points = [t, ...overlapping.filter((p) => p.at > t).map((p) => p.at)];
  for (const x of points) {
    const depth = overlapping.filter((p) => p.at <= x && p.at + p.holdMs > x).length;
    if (depth >= max) return Math.min(...overlapping.map((p) => p.at + p.holdMs).filter((end) => end > t));
  }
  return t;
}

function scopePace(t: number, holdMs: number, runs: readonly Placed[]): number {
  const clash = runs.filter((p) => p.at < t + holdMs && p.at + p.scopeHoldMs > t);
  return clash.length === 0 ? t : Math.max(...clash.map((p) => p.at + p.scopeHoldMs));
}

function stagger(t: number, runs: readonly Placed[], gap: number): number {
  if (gap <= 0) return t;
  const clash = runs.filter((p) => Math.abs(p.at - t) < gap);
  return clash.length === 0 ? t : Math.max(...clash.map((p) => p.at + gap));
}
