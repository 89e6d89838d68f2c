// Runs in: vitest. Owns: a drain asked to wait for confirmations: how often it asks (backing off, capped,
// paced by the scope's limiter), when it stops (all confirmed, the bound, cancellation) and what it reports.
import { afterEach, describe, expect, it } from 'vitest';
import { drainRig } from '../../../../test/support/drain-rig.js';
import { engineDb } from '../../../../test/support/engine-db.js';
import { ManualClock } from '../../core/clock.js';
import type { Db } from '../../storage/db.js';
import type { Connector, DeliveryJob, JobResult } from '../connector.js';
import { confirmDelay } from './await-confirmation.js';
import { drainConnection } from './drain.js';

let db: Db;
afterEach(() => db?.close());

/** A platform that accepts every job for processing and confirms them once `confirmAt` has come. */
function setup(o: { confirmAt?: number; perSecond?: number } = {}) {
  db = engineDb();
  const clock = new ManualClock(0);
  const asked: number[] = [];
  const connector = {
    platform: 'async',
    label: 'Async',
    capabilities: ['contacts', 'asyncConfirmation'],
    batchSize: 50,
    plan: () => [],
    deliver: async (jobs: DeliveryJob[]) =>
      jobs.map((j): JobResult => ({ jobId: j.jobId, outcome: 'submitted', ref: 'import-1' })),
    confirm: async (jobs: DeliveryJob[]) => {
      asked.push(clock.now());
      return clock.now() >= (o.confirmAt ?? Infinity)
        ? jobs.map((j): JobResult => ({ jobId: j.jobId, outcome: 'ok' }))
        : [];
    },
  } as unknown as Connector<unknown, unknown>;
  const awaiting: number[] = [];
  const { queue, events, rt, deps } = drainRig(db, connector, {
    clock,
    ...(o.perSecond ? { perSecond: o.perSecond } : {}),
    confirmWait: { onAwaiting: (n) => awaiting.push(n) },
  });
  queue.enqueue(
    'conn-a',
    Array.from({ length: 4 }, (_, i) => ({
      entityType: 'contact',
      entityId: `c${i}`,
      version: 'v1',
      kind: 'upsert' as const,
      priority: 0 as const,
      payload: { i },
    })),
    true,
    0,
  );
  return { clock, queue, rt, deps, events, asked, awaiting };
}

describe('a drain waiting for confirmations', () => {
  it('backs off 1 s, 2 s, 4 s… capped at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((r) => confirmDelay(r))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(confirmDelay(3, { firstMs: 50, capMs: 300 })).toBe(300);
  });

  it('keeps asking until the platform confirms, and counts the jobs delivered', async () => {
    const { rt, deps, asked, awaiting, queue } = setup({ confirmAt: 6_000 });
    const out = await drainConnection(rt, deps, new AbortController().signal);
    expect(out).toMatchObject({ state: 'drained', submitted: 4, delivered: 4, awaitingConfirmation: 0 });
    // Asked at once, then after 1 s, 2 s and 4 s: confirmed on the fourth look, at 7 s.
    expect(asked).toEqual([0, 1000, 3000, 7000]);
    expect(awaiting).toEqual([4, 4, 4, 0]);
    expect(queue.stats('conn-a').submitted).toBe(0);
  });

  it('stops at the bound (3 minutes by default) and reports what still awaits the platform', async () => {
    const { rt, deps, asked, events, queue } = setup();
    const out = await drainConnection(rt, deps, new AbortController().signal);
    expect(out).toMatchObject({ state: 'drained', delivered: 0, dead: 0, awaitingConfirmation: 4 });
    expect(asked.at(-1)).toBe(180_000);
    expect(asked.slice(0, 8)).toEqual([0, 1000, 3000, 7000, 15000, 31000, 61000, 91000]);
    expect(events.find((e) => e.type === 'delivery.awaiting')?.message).toMatch(
      /^4 record\(s\) submitted, awaiting Async's confirmation after 180 s; checked again on the next sync/,
    );
    expect(queue.stats('conn-a')).toMatchObject({ submitted: 4, dead: 0, queued: 0 });
  });

  it('takes its turn in the scope’s rate limiter for every status check', async () => {
    // Half a call per second with a burst of one: each look waits 2 s for a token, on top of the back-off.
    const { rt, deps, asked } = setup({ confirmAt: 5_000, perSecond: 0.5 });
    await drainConnection(rt, deps, new AbortController().signal);
    expect(asked[0]).toBeGreaterThanOrEqual(2000);
    for (let i = 1; i < asked.length; i++)
      expect(asked[i]! - asked[i - 1]!).toBeGreaterThanOrEqual(confirmDelay(i - 1));
  });

  it('stops waiting at once when the run is cancelled; the jobs stay submitted', async () => {
    const { rt, deps, asked, queue, clock } = setup();
    const ac = new AbortController();
    // Cancelled during the back-off after the third look (the limiter's 0 ms turns are not back-offs).
    deps.sleep = async (ms) => {
      if (ms > 0 && clock.now() >= 3000) ac.abort();
      else clock.advance(ms);
    };
    const out = await drainConnection(rt, deps, ac.signal);
    expect(out).toMatchObject({ state: 'cancelled', awaitingConfirmation: 4, delivered: 0 });
    expect(asked).toEqual([0, 1000, 3000]);
    expect(queue.stats('conn-a')).toMatchObject({ submitted: 4, dead: 0 });
  });

  it('does not wait unless asked to', async () => {
    const { rt, deps, asked } = setup({ confirmAt: 6_000 });
    delete deps.confirmWait;
    expect(await drainConnection(rt, deps, new AbortController().signal)).toMatchObject({
      submitted: 4,
      delivered: 0,
      awaitingConfirmation: 4,
    });
    expect(asked).toEqual([]);
  });
});
