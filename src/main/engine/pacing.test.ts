import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { retryDelayMs } from './backoff.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { RateLimiters, TokenBucket } from './rate-limiter.js';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, maxMs: 8000, maxAttempts: 10 };
  it('doubles per attempt, jitters within the upper half, and caps', () => {
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(3, policy, undefined, () => 1)).toBe(4000);
    expect(retryDelayMs(9, policy, undefined, () => 1)).toBe(8000);
  });
  it('waits at least what the server asked for', () => {
    expect(retryDelayMs(1, policy, 30_000, () => 1)).toBe(30_000);
  });
});

describe('TokenBucket', () => {
  it('lets the burst through, then paces to the sustained rate', () => {
    const clock = new ManualClock(0);
    const b = new TokenBucket({ perSecond: 5, burst: 5 }, clock);
    expect([1, 2, 3, 4, 5].map(() => b.reserve())).toEqual([0, 0, 0, 0, 0]);
    expect(b.reserve()).toBe(200);
    expect(b.reserve()).toBe(400);
    clock.advance(1000);
    // Two reservations were booked ahead; one second refilled five tokens, so three are free now.
    expect([b.reserve(), b.reserve(), b.reserve(), b.reserve()]).toEqual([0, 0, 0, 200]);
  });

  it('sends nothing during a pause after a 429', () => {
    const clock = new ManualClock(0);
    const b = new TokenBucket({ perSecond: 10, burst: 10 }, clock);
    b.pause(5000);
    expect(b.reserve()).toBeGreaterThanOrEqual(5000);
  });

  it('is shared by every connection in the same scope', () => {
    const limiters = new RateLimiters(new ManualClock(0));
    const a = limiters.for({ scopeKey: 'ac:acct1', perSecond: 5, burst: 1 });
    const b = limiters.for({ scopeKey: 'ac:acct1', perSecond: 5, burst: 1 });
    const other = limiters.for({ scopeKey: 'ac:acct2', perSecond: 5, burst: 1 });
    expect(a).toBe(b);
    expect(a.reserve()).toBe(0);
    expect(b.reserve()).toBe(200);
    expect(other.reserve()).toBe(0);
  });
});

describe('CircuitBreaker', () => {
  it('opens after repeated unreachability, probes with backoff, closes when the destination answers', () => {
    const clock = new ManualClock(0);
    const br = new CircuitBreaker(clock, { threshold: 2, firstProbeMs: 1000, maxProbeMs: 4000 });
    br.unreachable();
    expect(br.allow()).toBe(true);
    br.unreachable();
    expect(br.status()).toMatchObject({ state: 'open', nextProbeAt: 1000 });
    expect(br.allow()).toBe(false);
    clock.advance(1000);
    expect(br.allow()).toBe(true); // the probe
    expect(br.allow()).toBe(false); // only one at a time
    br.unreachable();
    expect(br.status()).toMatchObject({ state: 'open', nextProbeAt: 3000 });
    clock.advance(2000);
    expect(br.allow()).toBe(true);
    br.reachable();
    expect(br.status()).toEqual({ state: 'closed' });
  });
});
