// Runs in: vitest (under scripts/with-keychain.sh). Owns: a BigCommerce token revoked in the middle of a sync,
// with the scheduler running: the connection is held for re-authentication (paused, an error event that says
// what to do, the status naming the token), and BigCommerce is not hammered with the refused token.
import { describe, expect, it } from 'vitest';
import { closeAfterTest, syncFixture } from './sync-fixture.js';

const HASH = 'revokestore';

describe('a BigCommerce token revoked mid-sync', () => {
  it('holds the connection for re-authentication without a retry storm', async () => {
    const { bc, ws, store, conn } = await syncFixture({
      hash: HASH,
      name: 'Revoked',
      token: 'tok_revoke_0123456789',
      seed: { customers: 40, orders: 40, products: 3, seed: 'revoke' },
      // Every second (the shortest interval the database allows): a scheduler that retried a refused token
      // each interval would call again three times below.
      connection: { intervalMs: 1_000 },
    });
    const bcCalls = () => bc.server.requests.filter((r) => r.path.startsWith(`/stores/${HASH}/`)).length;

    // The token stops working a few pages into the first (historical) read: every later call is a 401.
    bc.server.faults.add({ kind: 'status', status: 401, after: 3, pathIncludes: `/stores/${HASH}/` });
    ws.scheduler.start();
    closeAfterTest(() => ws.scheduler.dispose());
    await new Promise((r) => setTimeout(r, 3_500));
    expect(ws.events.query({ connectionId: conn.id, type: 'connection.reauth' })).toHaveLength(1);
    // Three good pages, then one call refused (the client does not retry a 401), and no scheduled retries.
    expect(bcCalls()).toBe(3 + 1);

    const status = await ws.call('connections:status', { id: conn.id });
    expect(status.ok && status.value.lastError).toMatch(/rejected the access token of store/);
    expect(ws.connections.get(conn.id).paused).toBe(true);
    const [hold] = ws.events.query({ connectionId: conn.id, type: 'connection.reauth' });
    expect(hold).toMatchObject({ level: 'error', storeId: store.id });
    expect(hold!.message).toMatch(/enter a valid access token/);
    expect(hold!.message).toMatch(/resume/i);
    expect(ws.events.query({ connectionId: conn.id, type: 'connection.reauth' })).toHaveLength(1);
  }, 20_000);
});
