// Runs in: vitest. Owns: the health word of a connection, which the dashboard and connections list share.
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../state/status-store';
import type { ConnectionSummary } from '../../state/workspace-store';
import { ago, healthOf } from './health';

const c = { id: 'c1', paused: false } as ConnectionSummary;
const status = (o: Partial<ConnectionStatus>): ConnectionStatus => ({
  connectionId: 'c1',
  running: false,
  queue: { queued: 0, leased: 0, submitted: 0, dead: 0, nextRunAt: null },
  destination: 'online',
  lastRunStarted: 1000,
  lastRunFinished: 2000,
  lastOk: 2000,
  lastError: null,
  ...o,
});

describe('healthOf', () => {
  it('says paused before anything else', () => {
    expect(healthOf({ ...c, paused: true }, status({ running: true }), undefined, true).kind).toBe('paused');
  });
  it('says which credentials need re-authentication, ahead of the pause that holds it', () => {
    const held = healthOf({ ...c, paused: true, heldFor: 'store_token' }, status({}), undefined, false);
    expect(held).toMatchObject({ kind: 'reauth', label: 'needs re-authentication' });
    expect(held.detail).toMatch(/store's API token.*Stores/);
    const key = healthOf(
      { ...c, paused: true, heldFor: 'platform_credentials' },
      status({}),
      undefined,
      false,
    );
    expect(key.detail).toMatch(/reconnect the account/);
  });
  it('says syncing while a run is under way, from any source', () => {
    expect(healthOf(c, status({ running: true }), undefined, false).kind).toBe('syncing');
    expect(healthOf(c, status({}), { connectionId: 'c1', phase: 'deliver' }, false).kind).toBe('syncing');
    expect(healthOf(c, status({}), undefined, true).kind).toBe('syncing');
    expect(healthOf(c, status({}), { connectionId: 'c1', phase: 'done' }, false).kind).toBe('live');
  });
  it('says offline with the number queued', () => {
    const h = healthOf(
      c,
      status({
        destination: 'offline',
        queue: { queued: 7, leased: 0, submitted: 0, dead: 0, nextRunAt: null },
      }),
      undefined,
      false,
    );
    expect(h).toMatchObject({ kind: 'offline', label: 'offline, 7 queued' });
  });
  it('says failing when the last run ended after the last success, with the error', () => {
    const h = healthOf(
      c,
      status({ lastOk: 1000, lastRunFinished: 3000, lastError: 'ActiveCampaign refused the API key' }),
      undefined,
      false,
    );
    expect(h).toMatchObject({ kind: 'failing', detail: 'ActiveCampaign refused the API key' });
    expect(
      healthOf(c, status({ lastOk: 4000, lastRunFinished: 3000, lastError: 'old' }), undefined, false).kind,
    ).toBe('live');
  });
  it('tells a never-synced connection from an unknown one', () => {
    expect(healthOf(c, status({ lastOk: null, lastRunFinished: null }), undefined, false).kind).toBe('never');
    expect(healthOf(c, undefined, undefined, false).kind).toBe('unknown');
  });
});

it('ago reads recent times in words', () => {
  expect(ago(null)).toBe('never');
  expect(ago(10_000, 40_000)).toBe('30s ago');
  expect(ago(0 + 1, 1 + 5 * 60_000)).toBe('5 min ago');
});
