import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drainRig } from '../../../../test/support/drain-rig.js';
import { engineDb } from '../../../../test/support/engine-db.js';
import { tempDir } from '../../../../test/support/temp.js';
import { fileExporter, type FileSettings } from '../../platforms/file/index.js';
import type { Db } from '../../storage/db.js';
import { DestinationUnreachable, type Connector, type StagedRecord } from '../connector.js';
import { drainConnection } from './drain.js';

let db: Db;
afterEach(() => db?.close());

const staged = (n: number, resource: StagedRecord['resource'] = 'customers'): StagedRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    storeId: 'store-1',
    resource,
    id: String(i + 1),
    dateModified: '2026-01-01T00:00:00.000Z',
    data: { id: i + 1, email: `c${i + 1}@example.com` },
    deleted: false,
    historical: true,
  }));

function setup(connector: Connector<unknown, unknown>, settings: unknown) {
  db = engineDb();
  const { clock, queue, events, rt, deps } = drainRig(db, connector, { settings });
  const enqueue = (records: StagedRecord[]) =>
    queue.enqueue(
      'conn-a',
      records.flatMap((r) => connector.plan(r, { settings, connectionId: 'conn-a', storeId: 'store-1' })),
      true,
      clock.now(),
    );
  return { clock, queue, rt, deps, events, enqueue };
}

describe('drainConnection with the file exporter', () => {
  it('writes every record once, in batches, and empties the queue', async () => {
    const dir = tempDir();
    const settings: FileSettings = { directory: dir, format: 'ndjson' };
    const { rt, deps, enqueue, queue } = setup(fileExporter as Connector<unknown, unknown>, settings);
    enqueue(staged(1203));
    const out = await drainConnection(rt, deps, new AbortController().signal);
    expect(out).toMatchObject({ state: 'drained', delivered: 1203, batches: 3 });
    const lines = readFileSync(join(dir, 'store-1', 'customers.ndjson'), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(1203);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(1203);
    expect(queue.stats('conn-a')).toMatchObject({ queued: 0, leased: 0 });
    // A second sync of the same records writes nothing: the ledger knows them.
    expect(enqueue(staged(1203)).unchanged).toBe(1203);
  });

  it('does not write a batch twice when a crash left it in doubt after it reached the file', async () => {
    const dir = tempDir();
    const settings: FileSettings = { directory: dir, format: 'ndjson' };
    const { rt, deps, enqueue, queue, clock } = setup(fileExporter as Connector<unknown, unknown>, settings);
    enqueue(staged(10));
    // The crashed process: it claimed and wrote the batch, then died before recording the results.
    const { jobs } = queue.claim('conn-a', 'crashed', 500, 1000, clock.now());
    await fileExporter.deliver(jobs, rt.ctx as never);
    clock.advance(1000);
    const out = await drainConnection(rt, deps, new AbortController().signal);
    expect(out.delivered).toBe(10);
    const lines = readFileSync(join(dir, 'store-1', 'customers.ndjson'), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(10);
  });
});

describe('drainConnection with an unreachable destination', () => {
  const flaky = (state: { up: boolean; calls: number }): Connector<unknown, unknown> => ({
    ...(fileExporter as Connector<unknown, unknown>),
    label: 'Flaky',
    async deliver(jobs) {
      state.calls++;
      if (!state.up) throw new DestinationUnreachable('connect ECONNREFUSED 127.0.0.1:9');
      return jobs.map((j) => ({ jobId: j.jobId, outcome: 'ok' as const }));
    },
  });

  it('keeps the backlog queued without spending attempts, then flushes it when the destination answers', async () => {
    const state = { up: false, calls: 0 };
    const { rt, deps, enqueue, queue, clock, events } = setup(flaky(state), {
      directory: tempDir(),
      format: 'ndjson',
    });
    enqueue(staged(5));
    expect(await drainConnection(rt, deps, new AbortController().signal)).toMatchObject({
      state: 'offline',
      delivered: 0,
    });
    expect(queue.stats('conn-a')).toMatchObject({ queued: 5, dead: 0 });
    expect(
      events.some(
        (e) => e.type === 'connection.unreachable' && e.message.includes('5 record(s) stay queued'),
      ),
    ).toBe(true);
    // While the breaker is open nothing is attempted.
    expect(await drainConnection(rt, deps, new AbortController().signal)).toMatchObject({ state: 'offline' });
    expect(state.calls).toBe(1);
    state.up = true;
    clock.advance(1000);
    expect(await drainConnection(rt, deps, new AbortController().signal)).toMatchObject({
      state: 'drained',
      delivered: 5,
    });
  });

  it('retries a batch the connector did not answer for, and stops when cancelled', async () => {
    const forgetful: Connector<unknown, unknown> = {
      ...(fileExporter as Connector<unknown, unknown>),
      label: 'Forgetful',
      async deliver(jobs) {
        return jobs.slice(1).map((j) => ({ jobId: j.jobId, outcome: 'ok' as const }));
      },
    };
    const { rt, deps, enqueue, queue, events } = setup(forgetful, { directory: tempDir(), format: 'ndjson' });
    enqueue(staged(3));
    const out = await drainConnection(rt, deps, new AbortController().signal, 1);
    expect(out).toMatchObject({ delivered: 2, retried: 1 });
    expect(events.some((e) => e.message.includes('gave no result for this record'))).toBe(true);
    expect(queue.stats('conn-a').queued).toBe(1);
    const ac = new AbortController();
    ac.abort();
    expect((await drainConnection(rt, deps, ac.signal)).state).toBe('cancelled');
  });
});
