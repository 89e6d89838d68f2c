// Runs in: vitest. Owns: the engine's handling of a platform's rate-limit refusals end to end (real SQLite
// queue, drain loop, token bucket, the SALESmanago simulator over loopback on a manual clock): no attempt is
// spent, the wait is the platform's Retry-After and no more, and a drain through 429s keeps the platform's pace.
import { describe, expect, it } from 'vitest';
import { drainConnection } from '../../src/main/engine/deliver/drain.js';
import type { JobResult } from '../../src/main/engine/connector.js';
import { JobQueue } from '../../src/main/engine/queue/job-queue.js';
import { customer, staged } from '../platforms/salesmanago/fixtures.js';
import { startHarness, type Harness } from '../platforms/salesmanago/harness.js';
import { engineDb } from '../support/engine-db.js';

const customers = (n: number, from = 300) =>
  Array.from({ length: n }, (_, i) =>
    staged('customers', from + i, customer(from + i, `rl${from + i}@example.com`), { historical: false }),
  );

interface Call {
  at: number;
  jobs: Array<{ jobId: number; attempts: number }>;
  results: JobResult[];
}

/** Every deliver() call the drain makes: when (manual clock), which jobs with which attempt count, what came back. */
function recordDeliveries(h: Harness): Call[] {
  const calls: Call[] = [];
  const connector = h.rt.connector;
  const deliver = connector.deliver.bind(connector);
  connector.deliver = async (jobs, ctx) => {
    const at = h.clock.now();
    const results = await deliver(jobs, ctx);
    calls.push({ at, jobs: jobs.map((j) => ({ jobId: j.jobId, attempts: j.attempts })), results });
    return results;
  };
  return calls;
}

/** For each rate-limited result: how long until that job was handed to the platform again. */
function waitsAfterRefusal(calls: Call[]): Array<{ asked: number; waited: number }> {
  const out: Array<{ asked: number; waited: number }> = [];
  calls.forEach((c, i) => {
    for (const r of c.results) {
      if (r.outcome !== 'rateLimited') continue;
      const next = calls.slice(i + 1).find((n) => n.jobs.some((j) => j.jobId === r.jobId));
      expect(next, `job ${r.jobId} was never sent again`).toBeDefined();
      out.push({ asked: r.retryAfterMs!, waited: next!.at - c.at });
    }
  });
  return out;
}

describe('rate-limited jobs (SALESmanago simulator, real queue)', () => {
  it('a job refused by 429 more often than its attempt budget still arrives, its attempts never spent', async () => {
    const h = await startHarness({ maxAttempts: 2, batchSize: 1, catalog: false });
    const calls = recordDeliveries(h);
    h.enqueue(customers(1));
    await h.ctl.fault({ kind: 'status', status: 429, count: 5, pathIncludes: 'batchupsert' });
    const out = await drainConnection(h.rt, h.deps, new AbortController().signal);
    expect(out).toMatchObject({ state: 'drained', delivered: 1, dead: 0, rateLimited: 5 });
    expect(h.stats()).toMatchObject({ queued: 0, dead: 0 });
    expect(h.sim.contacts().map((c) => c.email)).toEqual(['rl300@example.com']);
    expect(h.sim.server.faults.list()).toEqual([]); // all five 429s were really answered
    expect(calls).toHaveLength(6);
    // Six tries, each its first attempt: no 429 counted against the budget of two.
    expect(calls.flatMap((c) => c.jobs.map((j) => j.attempts))).toEqual([1, 1, 1, 1, 1, 1]);
    // No Retry-After on these answers: the connector's minute, every time, never an exponential growth.
    expect(waitsAfterRefusal(calls)).toEqual(Array(5).fill({ asked: 60_000, waited: 60_000 }));
    expect(h.events.filter((e) => e.type === 'delivery.retry')).toHaveLength(5);
    expect(h.events.some((e) => e.message.includes('no attempt spent'))).toBe(true);
  });

  it("through the simulator's own limit: waits exactly Retry-After and keeps the platform's pace", async () => {
    const limit = 4;
    const windowMs = 10_000;
    const h = await startHarness({
      sim: { rateLimit: { limit, windowMs } },
      maxAttempts: 2,
      batchSize: 2,
      catalog: false,
    });
    h.clock.advance(windowMs); // a fresh window after setup
    const calls = recordDeliveries(h);
    h.enqueue(customers(24));
    const started = h.clock.now();
    const out = await drainConnection(h.rt, h.deps, new AbortController().signal);
    const elapsed = h.clock.now() - started;

    expect(out).toMatchObject({ state: 'drained', delivered: 24, dead: 0 });
    expect(h.sim.contacts()).toHaveLength(24);
    expect(calls.flatMap((c) => c.jobs.map((j) => j.attempts)).every((a) => a === 1)).toBe(true);

    const api = h.apiCalls();
    const accepted = api.filter((r) => r.status !== 429).length;
    const refused = api.filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(out.rateLimited).toBeGreaterThan(0);
    // Each refused job went again exactly when the platform said, which is within one window.
    const waits = waitsAfterRefusal(calls);
    expect(waits.length).toBe(out.rateLimited);
    for (const w of waits) {
      expect(w.waited).toBe(w.asked);
      expect(w.asked).toBeGreaterThan(0);
      expect(w.asked).toBeLessThanOrEqual(windowMs);
    }
    // Paced at the limit: after a 429 the whole scope waits, so at most one refusal per window, and the drain
    // takes the windows the accepted calls need (plus Retry-After's rounding up to whole seconds), not more.
    const windows = Math.ceil(accepted / limit);
    expect(refused).toBeLessThanOrEqual(windows);
    expect(elapsed).toBeGreaterThanOrEqual((windows - 1) * windowMs);
    expect(elapsed).toBeLessThanOrEqual((windows - 1) * (windowMs + 1_000));
  });

  it("a refusal pauses the whole limit scope: another connection's next batch waits too", async () => {
    const h = await startHarness({ batchSize: 1, catalog: false });
    const db = engineDb(['conn-a', 'conn-b']);
    try {
      const queue = new JobQueue(db);
      const deps = { ...h.deps, queue };
      const calls = recordDeliveries(h);
      const plan = h.plan(customers(2));
      queue.enqueue('conn-a', plan.slice(0, 1), false, h.clock.now());
      queue.enqueue('conn-b', plan.slice(1), false, h.clock.now());
      await h.ctl.fault({ kind: 'status', status: 429, count: 1, pathIncludes: 'batchupsert' });
      // One batch of conn-a only: it is refused and the drain stops there, its job still held.
      const a = await drainConnection(h.rt, deps, new AbortController().signal, 1);
      expect(a).toMatchObject({ rateLimited: 1, delivered: 0 });
      const refusedAt = calls[0]!.at;
      // conn-b shares the account's limiter (same scope): its first call waits out the same minute.
      const b = await drainConnection(
        { ...h.rt, connectionId: 'conn-b' },
        deps,
        new AbortController().signal,
      );
      expect(b).toMatchObject({ delivered: 1, rateLimited: 0 });
      expect(calls[1]!.at - refusedAt).toBe(60_000);
      expect(h.sim.contacts()).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
