// Runs in: main (Electron-free). Owns: which BigCommerce webhook scopes the console registers on a store, what
// each one nudges (the extracted resource to re-read), and which features exist only with webhooks.
import type { ExtractResource } from '../extract/resources.js';

/** One wildcard hook per area the sync reads; BigCommerce allows one hook per (scope, destination). */
export const HOOK_SCOPES = [
  'store/customer/*',
  'store/order/*',
  'store/product/*',
  'store/subscriber/*',
  'store/cart/*',
] as const;

/**
 * Features that only webhooks can feed. BigCommerce has no endpoint that lists carts (reference §4.4), so
 * abandoned-cart flows need `store/cart/*`; everything else is also found by polling, only later.
 */
export const WEBHOOK_ONLY_FEATURES = ['carts'] as const;

/** The resource a callback says changed; null for carts, which polling cannot read. */
export function resourceForScope(scope: string): ExtractResource | null {
  if (scope.startsWith('store/customer/')) return 'customers';
  if (scope.startsWith('store/order/')) return 'orders';
  if (scope.startsWith('store/product/') || scope.startsWith('store/sku/')) return 'products';
  if (scope.startsWith('store/subscriber/')) return 'subscribers';
  return null;
}

/** `store/customer/*` covers `store/customer/updated`. */
export function hookCovers(hookScope: string, eventScope: string): boolean {
  return hookScope.endsWith('/*') ? eventScope.startsWith(hookScope.slice(0, -1)) : hookScope === eventScope;
}
