// Runs in: main (Electron-free). Owns: verifyStore(), which probes cheap endpoints (limit=1) to tell the user
// whether the token works, which scopes it can read, and what the store looks like. Pure data out.
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { isAppError } from '../core/errors.js';
import type { BigCommerceClient } from './client.js';
import { scopeFix, type ScopeInfo } from './scopes.js';

export const verifyCheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  /** What the user should do; null when the check passed. */
  fix: z.string().nullable(),
});
export type VerifyCheck = z.infer<typeof verifyCheckSchema>;

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  store: z
    .object({
      name: z.string(),
      domain: z.string().nullable(),
      currency: z.string().nullable(),
      timezone: z.string().nullable(),
      plan: z.string().nullable(),
    })
    .nullable(),
  channels: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      type: z.string().nullable(),
      status: z.string().nullable(),
    }),
  ),
  currencies: z.array(z.object({ code: z.string(), isDefault: z.boolean(), enabled: z.boolean() })),
  /** Store clock minus this machine's clock, in ms; null when /v2/time could not be read. */
  clockSkewMs: z.number().nullable(),
  checks: z.array(verifyCheckSchema),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

interface Probe {
  id: string;
  label: string;
  scope: ScopeInfo | null;
  run: () => Promise<string>;
}

export async function verifyStore(
  client: BigCommerceClient,
  opts: { signal?: AbortSignal; clock?: Clock } = {},
): Promise<VerifyResult> {
  const { signal } = opts;
  const result: VerifyResult = {
    ok: false,
    store: null,
    channels: [],
    currencies: [],
    clockSkewMs: null,
    checks: [],
  };
  const probe = async (path: string): Promise<unknown> => client.getJson(path, {}, signal);

  // Webhooks are in the default scope every API account has, so this one tells a bad token from a bad scope.
  const token: Probe = {
    id: 'token',
    label: 'Access token accepted',
    scope: null,
    run: async () => (
      await probe('/v3/hooks?limit=1'),
      `Store ${client.transport.storeLabel} accepted the token.`
    ),
  };
  const first = await runProbe(token);
  result.checks.push(first);
  if (!first.ok) return result;

  const probes: Probe[] = [
    {
      id: 'information',
      label: 'Store information',
      scope: { label: 'Information & Settings', scope: 'store_v2_information_read_only' },
      run: async () => {
        const info = await client.storeInfo(signal);
        result.store = {
          name: info.name,
          domain: info.domain ?? null,
          currency: info.currency ?? null,
          timezone: info.timezone?.name ?? null,
          plan: info.plan_name ?? null,
        };
        const now = (opts.clock ?? { now: () => Date.now() }).now();
        result.clockSkewMs = (await client.storeTime(signal)) - now;
        return `${info.name} (${info.domain ?? 'no domain'}), ${info.currency ?? '?'}, ${info.timezone?.name ?? 'no time zone'}.`;
      },
    },
    scoped(
      'customers',
      'Customers',
      { label: 'Customers', scope: 'store_v2_customers_read_only' },
      '/v3/customers?limit=1',
      probe,
    ),
    scoped(
      'subscribers',
      'Newsletter subscribers',
      { label: 'Customers', scope: 'store_v2_customers_read_only' },
      '/v3/customers/subscribers?limit=1',
      probe,
    ),
    scoped(
      'orders',
      'Orders',
      { label: 'Orders', scope: 'store_v2_orders_read_only' },
      '/v2/orders?limit=1',
      probe,
    ),
    scoped(
      'products',
      'Products',
      { label: 'Products', scope: 'store_v2_products_read_only' },
      '/v3/catalog/products?limit=1&include_fields=id',
      probe,
    ),
    scoped(
      'scripts',
      'Storefront scripts',
      { label: 'Checkout Content', scope: 'store_content_checkout_read_only' },
      '/v3/content/scripts?limit=1',
      probe,
    ),
    {
      id: 'webhooks',
      label: 'Webhooks',
      scope: null,
      run: async () => (await probe('/v3/hooks?limit=1'), 'Webhooks can be listed and registered.'),
    },
    {
      id: 'channels',
      label: 'Channels',
      scope: { label: 'Channel Settings', scope: 'store_channel_settings_read_only' },
      run: async () => {
        for await (const page of client.channelPages({ signal })) {
          for (const c of page.items)
            result.channels.push({ id: c.id, name: c.name, type: c.type ?? null, status: c.status ?? null });
        }
        return `${result.channels.length} channel(s): ${result.channels.map((c) => c.name).join(', ')}.`;
      },
    },
    {
      id: 'currencies',
      label: 'Currencies',
      scope: { label: 'Information & Settings', scope: 'store_v2_information_read_only' },
      run: async () => {
        for await (const page of client.currencyPages({ signal })) {
          for (const c of page.items)
            result.currencies.push({
              code: c.currency_code,
              isDefault: c.is_default ?? false,
              enabled: c.enabled ?? true,
            });
        }
        return `${result.currencies.map((c) => c.code + (c.isDefault ? ' (default)' : '')).join(', ')}.`;
      },
    },
  ];
  for (const p of probes) result.checks.push(await runProbe(p));
  result.ok = result.checks.every((c) => c.ok);
  return result;
}

function scoped(
  id: string,
  label: string,
  scope: ScopeInfo,
  path: string,
  probe: (p: string) => Promise<unknown>,
): Probe {
  return { id, label, scope, run: async () => (await probe(path), `${scope.label}: readable.`) };
}

async function runProbe(p: Probe): Promise<VerifyCheck> {
  try {
    return { id: p.id, label: p.label, ok: true, detail: await p.run(), fix: null };
  } catch (err) {
    if (isAppError(err) && err.code === 'cancelled') throw err;
    const code = isAppError(err) ? err.code : 'internal';
    const detail = err instanceof Error ? err.message : String(err);
    let fix: string;
    if (code === 'unauthorized')
      fix =
        "Enter a valid access token: copy it from the store-level API account you created (Settings > Store-level API accounts); a deleted account's token stops working.";
    else if (code === 'forbidden' && p.scope) fix = scopeFix(p.scope);
    else if (code === 'forbidden')
      fix = 'Check the store hash: it is the part after /stores/ in the API path shown with the API account.';
    else if (code === 'network')
      fix = 'Check the network connection (and the proxy, if you use one), then verify again.';
    else if (code === 'not_found') fix = 'Check the store hash and the API base URL.';
    else fix = 'Try again in a minute; if it persists, send the diagnostic bundle to support.';
    return { id: p.id, label: p.label, ok: false, detail, fix };
  }
}
