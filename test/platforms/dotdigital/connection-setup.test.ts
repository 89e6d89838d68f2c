// Runs in: vitest (under scripts/with-keychain.sh). Owns: creating a dotdigital connection on a fresh account
// through 'connections:add': the mapped data fields are created then (idempotently, with an event naming them),
// so every default mapping row fits at the mapping step; an unreachable account still gets its connection.
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/main/app/workspace.js';
import { startDotdigitalSim } from '../../../src/sandbox/dotdigital/index.js';
import { closeAfterTest, storeWorkspace } from '../../support/store-workspace.js';
import { simCredentials } from './credentials.js';

async function workspace(): Promise<{ ws: Workspace; storeId: string }> {
  const { ws, store } = await storeWorkspace({
    hash: 'ddfresh1',
    name: 'Fresh',
    token: 'tok_ddfresh_0123456789',
    seed: { customers: 3, orders: 3, products: 1, seed: 'ddfresh' },
  });
  return { ws, storeId: store.id };
}

async function addConnection(ws: Workspace, storeId: string, credentials: unknown): Promise<string> {
  const account = await ws.accounts.add({ platform: 'dotdigital', name: 'dotdigital', credentials });
  const r = await ws.call('connections:add', {
    storeId,
    accountId: account.id,
    settings: { customersAddressBookId: 2, subscribersAddressBookId: 3 },
  });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string }).id;
}

const eventsOf = (ws: Workspace, connectionId: string) =>
  ws.events.query({ connectionId }).filter((e) => e.type.startsWith('connection.'));

describe('dotdigital connection setup', () => {
  it('a new connection creates the mapped data fields a fresh account lacks, once, and names them', async () => {
    const sim = await startDotdigitalSim();
    closeAfterTest(() => sim.close());
    const credentials = simCredentials(sim);
    const { ws, storeId } = await workspace();

    const first = await addConnection(ws, storeId, credentials);
    const [created] = eventsOf(ws, first);
    expect(created).toMatchObject({ type: 'connection.fields_created', level: 'info' });
    expect(created!.message).toMatch(/BC_CUSTOMER_ID/);
    expect(created!.message).toMatch(/BILLING_CITY/);

    // Every default row fits now, at the mapping step, before any sync.
    for (const entity of ['customer', 'order'] as const) {
      const r = await ws.call('mapping:defaults', { connectionId: first, entity });
      if (!r.ok) throw new Error(r.error.message);
      const fit = r.value as {
        notFitted: unknown[];
        missingRequired: string[];
        mapping: { rows: unknown[] };
      };
      expect(fit.notFitted).toEqual([]);
      expect(fit.mapping.rows.length).toBeGreaterThan(2);
    }
    const verified = await ws.call('connections:verifySetup', { id: first, roundTrip: false });
    if (!verified.ok) throw new Error(verified.error.message);
    expect(verified.value.checks.find((c) => c.id === 'data-fields')).toMatchObject({ ok: true });

    // A second connection on the same account creates nothing and says nothing.
    const second = await addConnection(ws, storeId, credentials);
    expect(eventsOf(ws, second)).toEqual([]);
  }, 30_000);

  it('an unreachable account still gets its connection, with a warning saying what to do', async () => {
    const { ws, storeId } = await workspace();
    const id = await addConnection(ws, storeId, {
      apiUser: 'apiuser-x@apiconnector.com',
      password: 'Secret-123',
      region: 'r1',
      endpoint: 'http://127.0.0.1:9',
    });
    expect(ws.connections.get(id).platform).toBe('dotdigital');
    const [warn] = eventsOf(ws, id);
    expect(warn).toMatchObject({ type: 'connection.setup_failed', level: 'warn' });
    expect(warn!.message).toMatch(/Verify the setup/);
  }, 30_000);
});
