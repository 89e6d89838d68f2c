// Runs in: vitest (Node). Owns: abandoned carts end to end: the simulator's real store/cart/* deliveries, the cart
// read by id (include=redirect_urls) and staged as a 'carts' record, a sync nudged, the engine's fan-out and
// delivery sending it to the Connectif simulator, and a cart gone before it was read recorded as an event only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/main/engine/connector.js';
import { fanOut } from '../../src/main/engine/pipeline/fan-out.js';
import { StagingRepo } from '../../src/main/extract/staging-repo.js';
import { HOOK_PATH, SECRET_HEADER } from '../../src/main/webhooks/receiver.js';
import type { WebhookService } from '../../src/main/webhooks/service.js';
import { CART_ALIAS, harness as connectifHarness } from '../platforms/connectif/harness.js';
import { HASH, startWebhookHarness, until, type WebhookHarness } from './harness.js';

let h: WebhookHarness;
let svc: WebhookService;
let receiverUrl: string;
let secret: string;
let pathToken: string;

type StagedCart = {
  id: string;
  email: string;
  cart_amount: number;
  abandoned_at: string;
  updated_time: string;
  redirect_urls: { cart_url: string; checkout_url: string };
  line_items: { physical_items: Array<{ product_id: number; quantity: number }> };
};

const sim = (path: string, body?: unknown) =>
  fetch(`${h.sim.url}/__sim/stores/${HASH}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  }).then((r) => r.json() as Promise<{ id: string; cart_url: string }>);
const cartRows = () => new StagingRepo(h.db).rowsAfter(h.storeId, 'carts', 0, 1_000);
/** Each test makes one cart of each kind, so the scope tells its delivery apart. */
const delivered = async (scope: string) =>
  (
    (await (await fetch(`${h.sim.url}/__sim/stores/${HASH}/webhooks/deliveries`)).json()) as Array<{
      scope: string;
      ok: boolean;
    }>
  ).some((d) => d.scope === scope && d.ok);
const callback = (body: unknown) =>
  fetch(`${receiverUrl}${HOOK_PATH}/${pathToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  h = await startWebhookHarness();
  ({ svc, url: receiverUrl } = await h.service());
  ({ secret, pathToken } = await svc.register(h.storeId));
}, 20_000);
afterAll(async () => h?.close());

describe('abandoned carts from store/cart/* webhooks', () => {
  let cartId = '';

  it('stages an abandoned cart, read by id with its recovery URL, and nudges a sync; created and updated stage nothing', async () => {
    const products = [...h.sim.control[HASH]!.state.products.ids()].slice(0, 2);
    const made = await sim('/carts', {
      email: 'Ana.Cart@Example.org',
      products: products.map((p) => ({ product_id: p, quantity: 2 })),
    });
    cartId = made.id;
    await until(() => delivered('store/cart/updated'), 'the cart/updated delivery');
    await until(() => svc.stats.accepted >= 2, 'the created and updated callbacks');
    expect(cartRows()).toEqual([]);
    const nudgesBefore = h.nudges.length;

    await sim(`/carts/${cartId}/abandon`);
    const [row] = (await until(() => (cartRows().length ? cartRows() : undefined), 'a staged cart'))!;
    expect(row).toMatchObject({ record_id: cartId, kind: 'upsert' });
    const cart = JSON.parse(row!.payload) as StagedCart;
    expect(cart.email).toBe('Ana.Cart@Example.org');
    expect(cart.redirect_urls.cart_url).toBe(made.cart_url);
    expect(cart.line_items.physical_items.map((i) => i.product_id)).toEqual(products);
    expect(cart.cart_amount).toBeGreaterThan(0);
    expect(row!.date_modified).toBe(new Date(cart.updated_time).toISOString());
    expect(Date.parse(cart.abandoned_at)).toBeGreaterThan(Date.now() - 60_000);
    // The nudge carries nothing to extract: the cart is staged already, the connections only need to sync.
    const nudge = await until(
      () => h.nudges.slice(nudgesBefore).find((n) => n.resources.length === 0),
      'a nudge',
    );
    expect(nudge?.storeId).toBe(h.storeId);
    expect(h.events.query({ type: 'webhook.cart_failed' })).toEqual([]);
  });

  it('the sync plans the staged cart (fan-out) and Connectif receives the abandoned-cart event with the recovery URL', async () => {
    const ct = await connectifHarness();
    try {
      // The connection a nudged sync would run, in the same workspace database as the staged cart.
      const now = new Date().toISOString();
      h.db
        .prepare(
          `INSERT INTO platform_accounts (id, platform, name, created_at) VALUES ('acct-1', 'connectif', 'Connectif', ?)`,
        )
        .run(now);
      h.db
        .prepare(
          `INSERT INTO connections (id, store_id, account_id, name, created_at) VALUES ('conn-a', ?, 'acct-1', 'Connectif', ?)`,
        )
        .run(h.storeId, now);
      const planned = fanOut(
        h.db,
        ct.queue,
        {
          connectionId: 'conn-a',
          storeId: h.storeId,
          scope: {},
          settings: ct.settings,
          connector: ct.connector as unknown as Connector<unknown, unknown>,
        },
        { historical: false, now: Date.now() },
      );
      expect(planned).toMatchObject({ read: 1, queued: 1 });
      const out = await ct.drainAll();
      expect(out.dead).toBe(0);
      const cart = JSON.parse(cartRows()[0]!.payload) as StagedCart;
      expect(ct.sim.customEvents).toHaveLength(1);
      expect(ct.sim.customEvents[0]).toMatchObject({
        alias: CART_ALIAS,
        email: 'ana.cart@example.org',
        payload: {
          cartId,
          cartRecoveryUrl: cart.redirect_urls.cart_url,
          totalPrice: cart.cart_amount,
          totalQuantity: 4,
        },
      });
    } finally {
      await ct.close();
    }
  });

  it('a converted cart stages nothing, and an abandoned cart gone before it was read is an event, not an error', async () => {
    const made = await sim('/carts', { email: 'bo@example.org' });
    await sim(`/carts/${made.id}/convert`);
    await until(() => delivered('store/cart/converted'), 'the cart/converted delivery');

    const gone = {
      scope: 'store/cart/abandoned',
      store_id: '1',
      data: { type: 'cart', id: made.id },
      hash: 'a1b2c3',
      created_at: Math.floor(Date.now() / 1000),
      producer: `stores/${HASH}`,
    };
    expect((await callback(gone)).status).toBe(200);
    const [event] = (await until(() => {
      const e = h.events.query({ type: 'webhook.cart_gone' });
      return e.length ? e : undefined;
    }, 'the cart_gone event'))!;
    expect(event).toMatchObject({ level: 'info', recordId: made.id });
    // A retry of the same callback is a duplicate: not read again.
    const dupes = svc.stats.duplicates;
    expect((await callback(gone)).status).toBe(200);
    await until(() => svc.stats.duplicates > dupes, 'the duplicate');
    expect(h.events.query({ type: 'webhook.cart_gone' })).toHaveLength(1);
    expect(h.events.query({ type: 'webhook.cart_failed' })).toEqual([]);
    expect(cartRows().map((r) => r.record_id)).toEqual([cartId]);
  });
});
