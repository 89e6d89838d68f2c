// Runs in: vitest (under scripts/with-keychain.sh). Owns: the wall clock jumping during a sync: forward (the
// machine slept, NTP caught up) and back (retries then wait their own delay, not the jump). Nothing is lost, sent
// twice or dead-lettered. Jump detection and the staggered catch-up after a sleep: test/desktop/catch-up.test.ts,
// src/main/engine/scheduler.test.ts; the queue's rebase in detail: src/main/engine/queue/clock-back.test.ts.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/main/core/clock.js';
import { syncFixture } from './sync-fixture.js';

const HOUR = 3_600_000;

/** Real time plus an offset a test moves, as a person or NTP setting the clock would. */
class JumpClock implements Clock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
}

async function setup() {
  const clock = new JumpClock();
  const s = await syncFixture({
    hash: 'jumpstore',
    name: 'Jump',
    token: 'tok_jump_0123456789',
    seed: { customers: 30, orders: 30, products: 3, seed: 'jump' },
    clock,
    connection: { mode: 'off', timeoutMs: 500 },
  });
  return { ...s, clock };
}

describe('the clock jumps during a sync', () => {
  it('forward three hours mid-delivery (a sleep): leases lapse, nothing is sent twice or lost', async () => {
    const s = await setup();
    await s.ac.control.fault({ kind: 'status', status: 503, after: 10, count: 4 });
    const off = s.ws.bus.on('events:appended', ({ events }) => {
      if (events.some((e) => e.type === 'delivery.batch')) {
        off();
        s.clock.offset += 3 * HOUR;
      }
    });
    await s.settle(true);
    off();
    expect(s.clock.offset).toBe(3 * HOUR);
    s.expectAllOnce();
  }, 60_000);

  it('back one hour with retries waiting: they wait their own delay, not the hour; all delivered once', async () => {
    const s = await setup();
    // Every contact write fails, so retries are scheduled on the clock as it was.
    await s.ac.control.fault({ kind: 'status', status: 503, pathIncludes: '/contact/sync' });
    await s.ws.call('sync:start', { connectionId: s.conn.id, historical: true });
    const waiting = s.ws.queue.stats(s.conn.id);
    expect(waiting.queued, 'retries are waiting').toBeGreaterThan(0);
    s.clock.offset -= HOUR;
    s.ac.server.faults.clear();
    // The clock never comes forward again: the backlog drains within seconds of real time, because the
    // queue shifts waiting run-afters back by the jump (the old code waited the whole hour).
    await s.settle(false, 30_000);
    expect(s.clock.offset).toBe(-HOUR);
    s.expectAllOnce();
  }, 60_000);
});
