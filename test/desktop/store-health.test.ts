// Runs in: Node (vitest). Owns: the pure rules that turn statuses into tray lines and attention conditions.
import { describe, expect, it } from 'vitest';
import { attentionNow, trayStores, type HealthConnection } from '../../src/main/desktop/store-health.js';

const status = (over: Partial<NonNullable<HealthConnection['status']>> = {}) => ({
  running: false,
  destination: 'online' as const,
  queue: { queued: 0, dead: 0 },
  lastOk: 10,
  lastRunFinished: 10,
  lastError: null,
  ...over,
});
const conn = (id: string, storeId: string, over: Partial<HealthConnection> = {}): HealthConnection => ({
  id,
  storeId,
  name: id,
  platform: 'activecampaign',
  paused: false,
  status: status(),
  ...over,
});

describe('trayStores', () => {
  it('shows each store by its worst connection; all paused is paused; none is ok', () => {
    const stores = [
      { id: 's1', name: 'One' },
      { id: 's2', name: 'Two' },
      { id: 's3', name: 'Three' },
    ];
    const conns = [
      conn('a', 's1', { status: status({ running: true }) }),
      conn('b', 's1', { status: status({ destination: 'offline', queue: { queued: 7, dead: 0 } }) }),
      conn('c', 's2', { paused: true }),
    ];
    expect(trayStores(stores, conns)).toEqual([
      { id: 's1', name: 'One', state: 'offline', detail: 'offline, 7 queued' },
      { id: 's2', name: 'Two', state: 'paused' },
      { id: 's3', name: 'Three', state: 'ok', detail: 'no connections' },
    ]);
  });

  it('a failure older than the last success is not attention', () => {
    const healed = conn('a', 's1', {
      status: status({ lastError: 'HTTP 401', lastOk: 20, lastRunFinished: 20 }),
    });
    expect(trayStores([{ id: 's1', name: 'One' }], [healed])[0]!.state).toBe('ok');
  });
});

describe('attentionNow', () => {
  it('reports re-authentication, dead letters and offline since first seen; forgets what healed', () => {
    const since = new Map<string, number>();
    const refused = conn('a', 's1', {
      status: status({ lastError: 'Bloomreach refused the credentials (401)', lastOk: null }),
    });
    const offline = conn('b', 's1', {
      status: status({ destination: 'offline', queue: { queued: 3, dead: 12 } }),
    });
    expect(attentionNow([refused, offline], 100, since)).toEqual([
      { kind: 'reauth', storeId: 's1', connectionId: 'a', platform: 'activecampaign' },
      { kind: 'dead-letters', storeId: 's1', connectionId: 'b', count: 12 },
      { kind: 'destination-offline', storeId: 's1', connectionId: 'b', since: 100 },
    ]);
    expect(attentionNow([offline], 500, since)).toContainEqual(expect.objectContaining({ since: 100 }));
    const back = conn('b', 's1');
    expect(attentionNow([back], 900, since)).toEqual([]);
    expect(since.size).toBe(0);
  });
});
