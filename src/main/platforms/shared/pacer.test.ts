// Runs in: Node (vitest). Owns: the shared pacer under a wall clock set back: the next request and a spent
// window keep their remaining wait instead of waiting out the jump. Fake timers, injected clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from './pacer.js';

afterEach(() => vi.useRealTimers());

const HOUR = 3_600_000;

describe('Pacer and a clock set back', () => {
  it('spaces requests by the rate, and a backward jump keeps only the remaining wait', async () => {
    vi.useFakeTimers();
    let now = 10 * HOUR;
    const pacer = new Pacer(60, { now: () => now }); // one request a second
    const signal = new AbortController().signal;
    await pacer.turn(signal); // at once
    now -= HOUR; // the clock goes back an hour right after
    let done = false;
    const second = pacer.turn(signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await second;
    expect(done).toBe(true);
  });

  it('a spent window (Retry-After) keeps its remaining length across the jump', () => {
    let now = 10 * HOUR;
    const pacer = new Pacer(60, { now: () => now });
    pacer.blockUntil(now + 30_000);
    now += 10_000;
    expect(pacer.blockedFor()).toBe(20_000);
    now -= HOUR;
    expect(pacer.blockedFor()).toBe(20_000);
  });
});
