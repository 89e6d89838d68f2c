// Runs in: main (Electron-free). Owns: which API-account scope a path needs, as the control panel names it,
// so a 403 can say exactly which permission to give.
export interface ScopeInfo {
  /** The name in Settings > Store-level API accounts. */
  label: string;
  /** The OAuth scope parameter (read-only variant). */
  scope: string;
}

const table: Array<[RegExp, ScopeInfo]> = [
  [/^\/v3\/customers\/subscribers/, { label: 'Customers', scope: 'store_v2_customers_read_only' }],
  [/^\/v3\/customers/, { label: 'Customers', scope: 'store_v2_customers_read_only' }],
  [/^\/v2\/(orders|order_statuses)/, { label: 'Orders', scope: 'store_v2_orders_read_only' }],
  [/^\/v3\/catalog/, { label: 'Products', scope: 'store_v2_products_read_only' }],
  [/^\/v3\/content\/scripts/, { label: 'Checkout Content', scope: 'store_content_checkout_read_only' }],
  [/^\/v3\/channels/, { label: 'Channel Settings', scope: 'store_channel_settings_read_only' }],
  [
    /^\/v2\/(store|time|currencies)/,
    { label: 'Information & Settings', scope: 'store_v2_information_read_only' },
  ],
];

export function scopeForPath(path: string): ScopeInfo | undefined {
  const bare = path.replace(/^\/stores\/[^/]+/, '').split('?')[0] ?? '';
  return table.find(([re]) => re.test(bare))?.[1];
}

export function scopeFix(scope: ScopeInfo, write = false): string {
  return (
    `Give the API account ${scope.label}: ${write ? 'modify' : 'read-only'}. BigCommerce does not let you edit ` +
    `an account's scopes: create a new store-level API account (Settings > Store-level API accounts) with it, ` +
    `then enter the new access token here.`
  );
}
