// Runs in: vitest (under scripts/with-keychain.sh). Owns: a full disk during a sync, simulated with SQLite's
// max_page_count on the workspace connection: the sync stops and says so (status, event log, the call's
// answer), nothing is lost, and once space is back the next sync delivers everything exactly once.
import { describe, expect, it } from 'vitest';
import { ScaledClock } from '../support/scaled-clock.js';
import { syncFixture } from './sync-fixture.js';

async function setup() {
  const s = await syncFixture({
    hash: 'fullstore',
    name: 'Full',
    token: 'tok_full_0123456789',
    seed: { customers: 30, orders: 40, products: 3, seed: 'full' },
    // The failed run's leases (2 minutes) lapse in 120 ms of real time.
    clock: new ScaledClock(1_000),
    connection: { mode: 'off', timeoutMs: 300 },
  });
  const { ws } = s;
  /** No page left: the file may not grow, and its free pages are taken by ballast, as on a full disk. */
  const diskFull = () => {
    ws.db.exec('CREATE TABLE IF NOT EXISTS ballast (b BLOB)');
    ws.db.pragma(`max_page_count = ${ws.db.pragma('page_count', { simple: true }) as number}`);
    const fill = ws.db.prepare('INSERT INTO ballast (b) VALUES (zeroblob(?))');
    for (const size of [65_536, 4_096, 512, 64, 1])
      for (;;) {
        try {
          fill.run(size);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('SQLITE_FULL');
          break;
        }
      }
  };
  const spaceBack = () => {
    ws.db.pragma('max_page_count = 1073741823');
    ws.db.exec('DROP TABLE ballast');
  };
  return { ...s, diskFull, spaceBack };
}

async function expectSaysDiskFull(s: Awaited<ReturnType<typeof setup>>, r: unknown): Promise<void> {
  expect(r).toMatchObject({ ok: false, error: { retryable: true } });
  const message = (r as { error: { message: string } }).error.message;
  expect(message).toMatch(/disk holding the workspace is full/);
  expect(message).toMatch(/Nothing was lost/);
  const status = await s.ws.call('connections:status', { id: s.conn.id });
  expect(status.ok && status.value.lastError).toMatch(/disk holding the workspace is full/);
  const [failed] = s.ws.events.query({ connectionId: s.conn.id, type: 'sync.failed' });
  expect(failed?.message).toMatch(/disk holding the workspace is full.*Free some disk space/);
}

describe('a full disk during a sync', { timeout: 60_000 }, () => {
  it('while reading the store: stops, says so, and the next sync after space is back delivers everything', async () => {
    const s = await setup();
    s.diskFull();
    const r = await s.ws.call('sync:start', { connectionId: s.conn.id, historical: true });
    await expectSaysDiskFull(s, r);
    expect(s.ac.state().contacts).toEqual([]);

    s.spaceBack();
    const again = await s.ws.call('sync:start', { connectionId: s.conn.id, historical: true });
    expect(again).toMatchObject({ ok: true, value: { state: 'drained', dead: 0 } });
    s.expectAllOnce('nothing dead-lettered for a full disk');
  });

  it('while delivering: what was sent stays recorded, nothing is dead-lettered, nothing is sent twice', async () => {
    const s = await setup();
    // Extract and plan first, then fill the disk as soon as the first batch is being recorded.
    const off = s.ws.bus.on('events:appended', ({ events }) => {
      if (events.some((e) => e.type === 'delivery.batch')) {
        off();
        s.diskFull();
      }
    });
    const r = await s.ws.call('sync:start', { connectionId: s.conn.id, historical: true });
    off();
    expect(s.ac.state().contacts.length, 'some records went out before the disk filled').toBeGreaterThan(0);
    await expectSaysDiskFull(s, r);
    const q = s.ws.queue.stats(s.conn.id);
    expect(q.queued + q.leased + q.submitted, 'the rest waits in the queue').toBeGreaterThan(0);

    s.spaceBack();
    // Jobs the failed run had leased wait for their lease to lapse, then go out with the rest.
    await s.settle(false);
    s.expectAllOnce('nothing dead-lettered for a full disk');
  });
});
