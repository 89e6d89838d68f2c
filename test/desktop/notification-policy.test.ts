// Runs in: Node (vitest). Owns: which attention events reach the desktop, grouped, rate-limited, muted,
// once per condition, each with the screen to open.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/core/clock.js';
import { parseDeepLink } from '../../src/main/desktop/deep-link.js';
import { NotificationPolicy } from '../../src/main/desktop/notification-policy.js';

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
const C1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const C2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C3 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

function setup(extra: Partial<ConstructorParameters<typeof NotificationPolicy>[0]> = {}) {
  const clock = new ManualClock();
  const names: Record<string, string> = { [S1]: 'Acme Outdoor', [S2]: 'Bravo Shoes' };
  const policy = new NotificationPolicy({
    clock,
    groupWindowMs: 5_000,
    maxPerWindow: 2,
    rateWindowMs: 60_000,
    deadLetterThreshold: 10,
    offlineAfterMs: 15 * 60_000,
    storeName: (id) => names[id] ?? id,
    ...extra,
  });
  return { clock, policy };
}

describe('NotificationPolicy', () => {
  it('groups one kind per store into one notification that opens the store', () => {
    const { clock, policy } = setup();
    expect(policy.report({ kind: 'reauth', storeId: S1, connectionId: C1 })).toBe('queued');
    clock.advance(2_000);
    expect(policy.report({ kind: 'reauth', storeId: S1, connectionId: C2 })).toBe('merged');
    expect(policy.report({ kind: 'reauth', storeId: S2, connectionId: C3 })).toBe('queued');
    expect(policy.due()).toEqual([]); // the group window has not closed yet
    clock.advance(3_000);
    const [first, ...rest] = policy.due();
    expect(rest).toEqual([]); // S2's group opened 2 s later
    expect(first).toMatchObject({
      kind: 'reauth',
      storeId: S1,
      subjects: [C1, C2],
      title: 'Acme Outdoor: sign in again',
    });
    expect(first!.body).toMatch(/^2 connections/);
    expect(parseDeepLink(first!.link)).toEqual({ ok: true, target: { screen: 'store', storeId: S1 } });
    clock.advance(2_000);
    const [second] = policy.due();
    expect(second!.subjects).toEqual([C3]);
    // A single connection opens that connection's screen.
    expect(parseDeepLink(second!.link)).toEqual({
      ok: true,
      target: { screen: 'connection', connectionId: C3 },
    });
  });

  it('applies thresholds: dead letters by count, offline by duration', () => {
    const { clock, policy } = setup();
    expect(policy.report({ kind: 'dead-letters', storeId: S1, connectionId: C1, count: 9 })).toBe(
      'below-threshold',
    );
    expect(policy.report({ kind: 'dead-letters', storeId: S1, connectionId: C1, count: 10 })).toBe('queued');
    const since = clock.now();
    clock.advance(14 * 60_000);
    expect(policy.report({ kind: 'destination-offline', storeId: S1, connectionId: C2, since })).toBe(
      'below-threshold',
    );
    clock.advance(60_000);
    expect(policy.report({ kind: 'destination-offline', storeId: S1, connectionId: C2, since })).toBe(
      'queued',
    );
    clock.advance(5_000);
    expect(policy.due().map((n) => n.kind)).toEqual(['dead-letters', 'destination-offline']);
  });

  it('tells each ongoing condition once, and again only after it was resolved', () => {
    const { clock, policy } = setup({ maxPerWindow: 100 });
    const hook = { kind: 'webhook-disabled', storeId: S1, scope: 'store/customer/*' } as const;
    expect(policy.report(hook)).toBe('queued');
    clock.advance(5_000);
    expect(policy.due()).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      expect(policy.report(hook)).toBe('duplicate');
      expect(policy.due()).toEqual([]);
    }
    policy.resolve('webhook-disabled', S1, 'hook:store/customer/*');
    expect(policy.report(hook)).toBe('queued');
    // Another hook of the same store is another condition.
    expect(policy.report({ ...hook, scope: 'store/order/*' })).toBe('merged');
  });

  it('drops a condition resolved before its notification went out', () => {
    const { clock, policy } = setup();
    policy.report({ kind: 'reauth', storeId: S1, connectionId: C1 });
    policy.resolve('reauth', S1, C1);
    clock.advance(10_000);
    expect(policy.due()).toEqual([]);
    expect(policy.nextDueAt()).toBeUndefined();
  });

  it('rate-limits: groups over the limit wait, keep merging, and go out when the window has room', () => {
    const { clock, policy } = setup(); // 2 per 60 s
    const stores = [S1, S2, 'store-3', 'store-4'];
    for (const s of stores) policy.report({ kind: 'reauth', storeId: s });
    clock.advance(5_000);
    expect(policy.due().map((n) => n.storeId)).toEqual([S1, S2]);
    expect(policy.waiting()).toBe(2);
    policy.report({ kind: 'reauth', storeId: 'store-3', connectionId: C1 });
    clock.advance(30_000);
    expect(policy.due()).toEqual([]);
    expect(policy.nextDueAt()).toBe(clock.now() + 30_000);
    clock.advance(30_000);
    const later = policy.due();
    expect(later.map((n) => n.storeId)).toEqual(['store-3', 'store-4']);
    expect(later[0]!.subjects).toEqual(['store', C1]);
  });

  it('mutes a store (for a while or until unmuted) and forgets what was waiting for it', () => {
    const { clock, policy } = setup();
    policy.report({ kind: 'reauth', storeId: S1, connectionId: C1 });
    policy.mute(S1, clock.now() + 60_000);
    expect(policy.report({ kind: 'dead-letters', storeId: S1, connectionId: C1, count: 99 })).toBe('muted');
    expect(policy.report({ kind: 'reauth', storeId: S2, connectionId: C2 })).toBe('queued');
    clock.advance(5_000);
    expect(policy.due().map((n) => n.storeId)).toEqual([S2]);
    clock.advance(60_000);
    // The mute ran out; the condition that was waiting is still there and is told now.
    expect(policy.report({ kind: 'reauth', storeId: S1, connectionId: C1 })).toBe('queued');
    policy.mute(S2);
    clock.advance(24 * 3_600_000);
    expect(policy.report({ kind: 'reauth', storeId: S2, connectionId: C3 })).toBe('muted');
    policy.unmute(S2);
    expect(policy.report({ kind: 'reauth', storeId: S2, connectionId: C3 })).toBe('queued');
  });
});
