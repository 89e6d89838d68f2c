// Runs in: vitest. Owns: a watched drain and jobs the platform can only take later (a not-before on the
// submitted result or on confirm()'s answer): the wait ends at once when only those remain, still waits for
// jobs without one, and the summary names the deferred ones in the connector's words. Injected clock, real
// SQLite queue.
import { afterEach, describe, expect, it } from 'vitest';
import { drainRig } from '../../../../test/support/drain-rig.js';
import { engineDb } from '../../../../test/support/engine-db.js';
import { ManualClock } from '../../core/clock.js';
import type { Db } from '../../storage/db.js';
import type { Connector, DeliveryJob, JobResult } from '../connector.js';
import { summarise } from '../run-summary.js';
import { formatAfter } from './deferred.js';
import { drainConnection } from './drain.js';

const T0 = Date.parse('2026-01-05T10:00:00.000Z');
const HOUR = 3_600_000;
let db: Db;
afterEach(() => db?.close());

interface Platform {
  /** Not-before of `hold` jobs, as deliver() answers it; confirm() answers `confirmHoldAfter` when set. */
  holdUntil: number;
  confirmHoldAfter?: number;
  /** `import` jobs are confirmed from this time on (never when absent). */
  importsDoneAt?: number;
  describe?: boolean;
}

function setup(jobs: { hold: number; imports: number }, p: Platform) {
  db = engineDb();
  const clock = new ManualClock(T0);
  /** "<ms since T0> <record type>", one per confirm() call. */
  const asked: string[] = [];
  const isHold = (j: DeliveryJob) => j.entityType === 'hold';
  const connector = {
    platform: 'later',
    label: 'Later',
    capabilities: ['contacts', 'asyncConfirmation'],
    batchSize: 50,
    plan: () => [],
    deliver: async (js: DeliveryJob[]) =>
      js.map((j): JobResult =>
        isHold(j)
          ? { jobId: j.jobId, outcome: 'submitted', ref: 'held', notBefore: p.holdUntil }
          : { jobId: j.jobId, outcome: 'submitted', ref: 'import-1' },
      ),
    confirm: async (js: DeliveryJob[]) => {
      asked.push(`${clock.now() - T0} ${js[0]!.entityType}`);
      return js.flatMap((j): JobResult[] => {
        if (isHold(j)) {
          const until = p.confirmHoldAfter ?? p.holdUntil;
          return clock.now() >= until
            ? [{ jobId: j.jobId, outcome: 'ok' }]
            : [{ jobId: j.jobId, outcome: 'submitted', ref: 'held', notBefore: until }];
        }
        return clock.now() >= (p.importsDoneAt ?? Infinity) ? [{ jobId: j.jobId, outcome: 'ok' }] : [];
      });
    },
    ...(p.describe
      ? { describeDeferred: (n: number, after: string) => `${n} held by Later's quota, sent after ${after}` }
      : {}),
  } as unknown as Connector<unknown, unknown>;
  const awaiting: number[] = [];
  const { queue, events, rt, deps } = drainRig(db, connector, {
    clock,
    confirmWait: { onAwaiting: (n) => awaiting.push(n) },
  });
  const planned = (type: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      entityType: type,
      entityId: `${type}${i}`,
      version: 'v1',
      kind: 'upsert' as const,
      priority: 0 as const,
      payload: { i },
    }));
  queue.enqueue('conn-a', [...planned('hold', jobs.hold), ...planned('import', jobs.imports)], false, T0);
  const drain = () => drainConnection(rt, deps, new AbortController().signal);
  return { clock, queue, deps, events, asked, awaiting, drain };
}

const plan = { queued: 0, unchanged: 0, duplicate: 0 } as unknown as Parameters<typeof summarise>[3];

describe('a watched drain with jobs the platform only takes later', () => {
  it('ends at once when every job still submitted has a not-before past the bound', async () => {
    const { clock, drain, asked, queue } = setup({ hold: 30, imports: 0 }, { holdUntil: T0 + HOUR });
    const out = await drain();
    expect(clock.now()).toBe(T0);
    expect(asked).toEqual([]);
    expect(out).toMatchObject({
      state: 'drained',
      submitted: 30,
      delivered: 0,
      awaitingConfirmation: 0,
      deferred: 30,
      deferredUntil: T0 + HOUR,
      deferredNote: `30 record(s) deferred by Later, sent after ${formatAfter(T0 + HOUR)}`,
    });
    expect(queue.stats('conn-a')).toMatchObject({ submitted: 30, queued: 0, dead: 0 });
    expect(summarise('Shop', 'Later', 30, plan, out)).toContain(
      '0 delivered, 30 record(s) deferred by Later, sent after 2026-01-05 11:00 UTC',
    );
    expect(summarise('Shop', 'Later', 30, plan, out)).not.toMatch(/awaiting/);
  });

  it('says it in the connector’s words, with the time rounded up to the minute', async () => {
    const until = T0 + HOUR + 1_500;
    const { drain } = setup({ hold: 2, imports: 0 }, { holdUntil: until, describe: true });
    expect((await drain()).deferredNote).toBe("2 held by Later's quota, sent after 2026-01-05 11:01 UTC");
  });

  it('still waits for jobs without a not-before, then ends when only deferred ones remain', async () => {
    const { clock, drain, asked, awaiting } = setup(
      { hold: 3, imports: 4 },
      { holdUntil: T0 + HOUR, importsDoneAt: T0 + 6_000 },
    );
    const out = await drain();
    // Asked at once, then after 1 s, 2 s, 4 s: the imports are confirmed at 7 s and the wait ends there.
    // The held jobs are never asked about: their not-before has not come.
    expect(asked).toEqual(['0 import', '1000 import', '3000 import', '7000 import']);
    expect(clock.now()).toBe(T0 + 7_000);
    expect(awaiting).toEqual([4, 4, 4, 0]);
    expect(out).toMatchObject({ delivered: 4, awaitingConfirmation: 0, deferred: 3 });
  });

  it('waits the whole bound for a job without a not-before, and does not count deferred ones as awaiting', async () => {
    const { clock, drain, events } = setup({ hold: 3, imports: 2 }, { holdUntil: T0 + HOUR });
    const out = await drain();
    expect(clock.now() - T0).toBeGreaterThanOrEqual(180_000);
    expect(out).toMatchObject({ delivered: 0, awaitingConfirmation: 2, deferred: 3 });
    expect(events.find((e) => e.type === 'delivery.awaiting')?.message).toMatch(/^2 record\(s\) submitted/);
  });

  it('waits for a not-before that falls inside the bound', async () => {
    // Not asked before 20 s; the back-off's next look after that is at 31 s.
    const { clock, drain, asked } = setup({ hold: 2, imports: 0 }, { holdUntil: T0 + 20_000 });
    const out = await drain();
    expect(out).toMatchObject({ delivered: 2, awaitingConfirmation: 0 });
    expect(out.deferred).toBeUndefined();
    expect(asked).toEqual(['31000 hold']);
    expect(clock.now()).toBe(T0 + 31_000);
  });

  it('keeps a later not-before confirm() answers, and stops waiting once it passes the bound', async () => {
    // Delivered as "not before 10 s" (inside the bound); asked once due (15 s), the platform says "an hour".
    const { clock, drain, asked, queue } = setup(
      { hold: 2, imports: 0 },
      { holdUntil: T0 + 10_000, confirmHoldAfter: T0 + HOUR },
    );
    const out = await drain();
    expect(asked).toEqual(['15000 hold']);
    expect(clock.now()).toBe(T0 + 15_000);
    expect(out).toMatchObject({
      delivered: 0,
      awaitingConfirmation: 0,
      deferred: 2,
      deferredUntil: T0 + HOUR,
    });
    expect(queue.deferred('conn-a', T0 + HOUR - 1)).toEqual({ count: 2, until: T0 + HOUR });
  });
});
