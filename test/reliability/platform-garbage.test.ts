// Runs in: vitest (under scripts/with-keychain.sh). Owns: a platform that answers garbage: malformed JSON on
// every contact write, 20 MiB bodies, well-formed JSON with the wrong types. The sync never crashes; records
// that cannot be confirmed become dead letters whose reason says what the platform answered; once the platform
// behaves, a replay delivers them exactly once. (Transient malformed JSON: test/engine/faults.test.ts.)
import { describe, expect, it } from 'vitest';
import { ScaledClock } from '../support/scaled-clock.js';
import { startGarbageProxy } from './garbage-proxy.js';
import { closeAfterTest, syncFixture } from './sync-fixture.js';

async function setup(replace?: (method: string, path: string) => string | undefined) {
  let proxy: Awaited<ReturnType<typeof startGarbageProxy>> | undefined;
  const s = await syncFixture({
    hash: 'garbage',
    name: 'Garbage',
    token: 'tok_garbage_0123456789',
    seed: { customers: 8, orders: 6, products: 2, seed: 'garbage' },
    // Hours of backoff pass in a fraction of a second.
    clock: new ScaledClock(20_000),
    apiUrl: async (ac) => {
      if (!replace) return ac.credentials.apiUrl;
      proxy = await startGarbageProxy(ac.url, replace);
      closeAfterTest(() => proxy!.close());
      return ac.credentials.apiUrl.replace(ac.url, proxy.url);
    },
    connection: { mode: 'off', timeoutMs: 2_000 },
  });
  return { ...s, proxy };
}

/** After the platform behaves again: replaying the dead letters delivers every record, each contact once. */
async function expectReplayDeliversOnce(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const replayed = await s.ws.call('queue:replay', { connectionId: s.conn.id });
  expect(replayed.ok && replayed.value.replayed).toBeGreaterThan(0);
  await s.settle(false);
  expect(s.ws.queue.deadLetters(s.conn.id)).toEqual([]);
  const st = s.ac.state();
  const customers = st.customers.map((c) => c.externalid).filter((x) => !x.startsWith('guest:'));
  expect(customers.length, 'no customer twice').toBe(new Set(customers).size);
  expect(customers.length).toBe(8);
  const emails = st.contacts.map((c) => c.email.toLowerCase());
  expect(emails.length, 'no contact twice').toBe(new Set(emails).size);
  const orders = st.orders.map((o) => o.externalid).filter((x) => x !== null);
  expect(orders.length, 'no order twice').toBe(new Set(orders).size);
}

describe('a platform answering garbage', () => {
  it('malformed JSON on every contact write: dead letters saying so; replayed once it is fixed', async () => {
    const s = await setup();
    s.ac.server.faults.add({ kind: 'malformed', pathIncludes: '/contact/sync' });
    const states = await s.settle(true);
    expect(
      states.every((x) => x !== 'offline'),
      'a platform that answers is not offline',
    ).toBe(true);
    const dead = s.ws.queue.deadLetters(s.conn.id);
    expect(dead.length).toBeGreaterThanOrEqual(8);
    for (const d of dead) expect(d.reason).toMatch(/contact\/sync answered 200 with a body that is not JSON/);
    expect(s.ac.server.faults.list()).toHaveLength(1);

    s.ac.server.faults.clear();
    await expectReplayDeliversOnce(s);
  }, 60_000);

  it('20 MiB bodies: the read survives them and the records go through', async () => {
    const s = await setup();
    s.ac.server.faults.add({ kind: 'huge', pathIncludes: '/contact/sync', count: 3 });
    await s.settle(true);
    expect(s.ac.server.faults.list(), 'every huge answer was sent').toEqual([]);
    const dead = s.ws.queue.deadLetters(s.conn.id);
    for (const d of dead) expect(d.reason.length).toBeGreaterThan(20);
    if (dead.length) await expectReplayDeliversOnce(s);
    else expect(s.ac.state().customers.filter((c) => !c.externalid.startsWith('guest:'))).toHaveLength(8);
  }, 60_000);

  it('well-formed JSON with the wrong types: dead letters naming the answer, nothing written twice', async () => {
    let broken = true;
    const s = await setup((method, path) =>
      broken && method === 'POST' && path.includes('/contact/sync')
        ? JSON.stringify({ contact: { id: { surprise: true }, email: 42 } })
        : undefined,
    );
    await s.settle(true);
    expect(s.proxy!.replaced).toBeGreaterThan(0);
    const dead = s.ws.queue.deadLetters(s.conn.id);
    expect(dead.length).toBeGreaterThanOrEqual(8);
    // The connector checks the id's type itself: the reason names the answer, not a follow-up refusal.
    for (const d of dead)
      expect(d.reason).toMatch(
        /^(customer|subscriber|order) \d+: ActiveCampaign answered POST \/contact\/sync with a contact id of the wrong type \(\{"surprise":true\}/,
      );
    // No follow-up call was made with the garbage id.
    expect(s.ac.server.requests.filter((r) => r.path.includes('/contactTags'))).toEqual([]);

    broken = false;
    await expectReplayDeliversOnce(s);
  }, 60_000);
});
