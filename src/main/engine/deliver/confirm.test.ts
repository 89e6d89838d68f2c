// Runs in: vitest. Owns: confirmation of submitted jobs in the drain: every page, every kind, and a
// confirm() that throws never stops delivery.
import { afterEach, describe, expect, it } from 'vitest';
import { drainRig } from '../../../../test/support/drain-rig.js';
import { engineDb } from '../../../../test/support/engine-db.js';
import { type ManualClock } from '../../core/clock.js';
import type { Db } from '../../storage/db.js';
import { DestinationUnreachable, type Connector, type DeliveryJob, type JobResult } from '../connector.js';
import { drainConnection, type ConnectionRuntime, type DrainDeps } from './drain.js';

let db: Db;
afterEach(() => db?.close());

type Confirm = (jobs: DeliveryJob[]) => Promise<JobResult[]>;

function setup(confirm: Confirm, batchSize = 3) {
  db = engineDb();
  const connector = {
    platform: 'async',
    label: 'Async',
    capabilities: ['contacts', 'orders', 'asyncConfirmation'],
    batchSize,
    plan: () => [],
    deliver: async (jobs: DeliveryJob[]) =>
      jobs.map((j): JobResult => ({ jobId: j.jobId, outcome: 'submitted', ref: `ref-${j.jobId}` })),
    confirm: (jobs: DeliveryJob[]) => confirm(jobs),
  } as unknown as Connector<unknown, unknown>;
  const { queue, events, breaker, rt, deps } = drainRig(db, connector);
  const enqueue = (type: string, n: number) =>
    queue.enqueue(
      'conn-a',
      Array.from({ length: n }, (_, i) => ({
        entityType: type,
        entityId: `${type}-${i}`,
        version: 'v1',
        kind: 'upsert' as const,
        priority: 0 as const,
        payload: { i },
      })),
      true,
      0,
    );
  return { queue, rt, deps, events, enqueue, breaker };
}

const run = (rt: ConnectionRuntime, deps: DrainDeps) =>
  drainConnection(rt, deps, new AbortController().signal);

describe('drain confirms submitted jobs', () => {
  it('pages through every submitted job, grouped by kind', async () => {
    const calls: string[][] = [];
    const { queue, rt, deps, enqueue } = setup(async (jobs) => {
      calls.push(jobs.map((j) => j.entityType));
      return jobs.map((j) => ({ jobId: j.jobId, outcome: 'ok' }));
    });
    enqueue('contact', 5);
    enqueue('order', 4);
    expect((await run(rt, deps)).submitted).toBe(9);
    expect(queue.stats('conn-a').submitted).toBe(9);

    const second = await run(rt, deps);
    expect(second.delivered).toBe(9);
    expect(queue.stats('conn-a')).toMatchObject({ submitted: 0, queued: 0, leased: 0 });
    // Pages of 3; no call mixes kinds.
    expect(calls.every((c) => new Set(c).size === 1 && c.length <= 3)).toBe(true);
    expect(calls.flat()).toHaveLength(9);
  });

  it('a slow kind does not hold back the confirmation of another', async () => {
    let releaseContacts!: () => void;
    const contactsHeld = new Promise<void>((r) => (releaseContacts = r));
    const confirmedOrders: number[] = [];
    const { rt, deps, enqueue } = setup(async (jobs) => {
      if (jobs[0]!.entityType === 'contact') await contactsHeld;
      else confirmedOrders.push(...jobs.map((j) => j.jobId));
      return jobs.map((j) => ({ jobId: j.jobId, outcome: 'ok' }));
    }, 10);
    enqueue('contact', 2);
    enqueue('order', 2);
    await run(rt, deps);
    const draining = run(rt, deps);
    await expect.poll(() => confirmedOrders.length).toBe(2);
    releaseContacts();
    expect((await draining).delivered).toBe(4);
  });

  it('an exception from confirm() leaves jobs submitted and delivery goes on', async () => {
    let fail: 'bug' | 'down' | null = 'bug';
    const { queue, rt, deps, enqueue, events, breaker } = setup(async (jobs) => {
      if (fail === 'bug') throw new TypeError("Cannot read properties of undefined (reading 'status')");
      if (fail === 'down') throw new DestinationUnreachable('connection refused');
      return jobs.map((j) => ({ jobId: j.jobId, outcome: 'ok' }));
    });
    enqueue('contact', 2);
    await run(rt, deps);
    enqueue('order', 2);
    const out = await run(rt, deps);
    expect(out.state).toBe('drained');
    expect(out.submitted).toBe(2); // the new orders still went out
    expect(queue.stats('conn-a').submitted).toBe(4);
    expect(
      events.some((e) => e.type === 'delivery.confirm_failed' && /reading 'status'/.test(e.message)),
    ).toBe(true);

    fail = 'down';
    expect((await run(rt, deps)).state).toBe('offline');
    expect(breaker.status().state).toBe('open');
    expect(queue.stats('conn-a').submitted).toBe(4);

    fail = null;
    // The breaker lets a probe through after its back-off.
    (deps.clock as ManualClock).advance(5000);
    expect((await run(rt, deps)).delivered).toBe(4);
    expect(queue.stats('conn-a').submitted).toBe(0);
  });
});
