// Runs in: vitest. Owns: the consent rule's cases: explicit wins by recency, non-explicit only lowers, double
// opt-in pending / confirmed / expired.
import { describe, expect, it } from 'vitest';
import { effectiveState, type ConsentFactRow } from '../../src/main/consent/rule.js';

const f = (at: number, state: ConsentFactRow['state'], explicit: boolean): ConsentFactRow => ({
  storeId: 's',
  email: 'a@b.c',
  channel: 'email',
  source: 'x',
  state,
  mechanism: 'm',
  actor: explicit ? 'person' : 'system',
  explicit,
  at,
});
const DAY = 86_400_000;
const now = 100 * DAY;

describe('effectiveState', () => {
  it('the most recent explicit action wins, whatever order the facts arrive in', () => {
    expect(effectiveState([f(2, 'unsubscribed', true), f(1, 'subscribed', true)], now, DAY).state).toBe(
      'unsubscribed',
    );
    expect(effectiveState([f(1, 'unsubscribed', true), f(2, 'subscribed', true)], now, DAY).state).toBe(
      'subscribed',
    );
  });

  it('syncs and imports never raise consent, but may lower it', () => {
    expect(effectiveState([f(1, 'subscribed', false)], now, DAY).state).toBe('none');
    expect(effectiveState([f(1, 'unsubscribed', true), f(2, 'subscribed', false)], now, DAY).state).toBe(
      'unsubscribed',
    );
    expect(effectiveState([f(1, 'subscribed', true), f(2, 'unsubscribed', false)], now, DAY).state).toBe(
      'unsubscribed',
    );
    expect(effectiveState([f(1, 'expired', true), f(2, 'pending', false)], now, DAY).state).toBe('expired');
  });

  it('a double opt-in is pending, then confirmed, or expired when never confirmed', () => {
    expect(effectiveState([f(now - 1000, 'pending', true)], now, DAY).state).toBe('pending');
    expect(effectiveState([f(now - 2 * DAY, 'pending', true)], now, DAY).state).toBe('expired');
    expect(
      effectiveState([f(now - 2 * DAY, 'pending', true), f(now - DAY - 5, 'confirmed', true)], now, DAY)
        .state,
    ).toBe('confirmed');
  });
});
