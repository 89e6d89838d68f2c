// Runs in: main (Electron-free). Owns: what an abandoned-cart callback does. BigCommerce has no cart listing
// and the callback names only the cart id, so the cart is read by id and staged as one 'carts' record.
import type { BigCommerceClient } from '../bigcommerce/client.js';
import type { Clock } from '../core/clock.js';
import type { NewEvent } from '../events/event-log.js';
import { StagingRepo } from '../extract/staging-repo.js';
import type { Db } from '../storage/db.js';
import type { Callback } from './receiver.js';

export const CART_RESOURCE = 'carts';

export interface CartDeps {
  db: Db;
  clock: Clock;
  events: { append(...e: NewEvent[]): unknown };
  client(storeId: string): Promise<BigCommerceClient>;
}

/** `staged`: a new cart version is in staging (a sync should run); the rest need nothing more. */
export type CartOutcome = 'staged' | 'unchanged' | 'gone' | 'ignored';

/**
 * Only `store/cart/abandoned` is news to a platform. Created and updated carts are not abandoned yet, and a
 * converted cart became an order, which the order hooks bring.
 */
export function isCartToStage(cb: Callback): boolean {
  return cb.scope === 'store/cart/abandoned' && cb.data.id !== undefined && String(cb.data.id) !== '';
}

export async function stageAbandonedCart(d: CartDeps, storeId: string, cb: Callback): Promise<CartOutcome> {
  if (!isCartToStage(cb)) return 'ignored';
  const cartId = String(cb.data.id);
  const cart = await (await d.client(storeId)).getCart(cartId);
  if (!cart) {
    // Converted or deleted since the callback was sent: BigCommerce deletes the cart. Not an error.
    d.events.append({
      level: 'info',
      type: 'webhook.cart_gone',
      storeId,
      recordType: 'cart',
      recordId: cartId,
      message: `Cart ${cartId} was abandoned but is gone now (converted into an order or deleted): nothing to send.`,
    });
    return 'gone';
  }
  const nowIso = new Date(d.clock.now()).toISOString();
  // The callback's own time (Unix seconds) is when the store saw the abandonment; a retry keeps it.
  const abandonedAt = cb.created_at !== undefined ? new Date(cb.created_at * 1000).toISOString() : nowIso;
  const staged = new StagingRepo(d.db).stageRecord(
    storeId,
    CART_RESOURCE,
    {
      id: cart.id,
      dateModified: isoOr(cart.updated_time, abandonedAt),
      payload: { ...cart, abandoned_at: abandonedAt },
    },
    nowIso,
  );
  return staged ? 'staged' : 'unchanged';
}

function isoOr(value: string | null | undefined, fallback: string): string {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}
