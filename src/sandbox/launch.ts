// Runs in: Node (simulators). Owns: starting the whole demo workspace's outside world on 127.0.0.1: one
// seeded BigCommerce store and a simulator of every platform, described by one JSON object.
import { startActiveCampaignSim } from './activecampaign/index.js';
import { startBigCommerceSim } from './bigcommerce/index.js';
import { startBloomreachSim } from './bloomreach/index.js';
import { defaultAuthorizedDomains, startConnectifSim } from './connectif/index.js';
import { storeHosts } from './demo-hosts.js';
import { startDotdigitalSim } from './dotdigital/index.js';
import { startSalesmanagoSim } from './salesmanago/index.js';

export interface SandboxOptions {
  seed?: number;
  customers?: number;
  orders?: number;
  products?: number;
  /** BigCommerce quota per window; the default is the Standard plan's 150 per 30 s. */
  quota?: number;
  windowMs?: number;
  /** Omit the platform simulators (BigCommerce only). */
  bigcommerceOnly?: boolean;
}

export interface Sandbox {
  description: Record<string, unknown>;
  close(): Promise<void>;
}

export const DEMO_STORE_HASH = 'demo01';
export const DEMO_STORE_TOKEN = 'demo_store_token_0123456789abcdef';

export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const closers: Array<() => Promise<void>> = [];
  const bigcommerce = await startBigCommerceSim({
    stores: [
      {
        hash: DEMO_STORE_HASH,
        tokens: [{ token: DEMO_STORE_TOKEN }],
        seed: {
          seed: o.seed ?? 1,
          customers: o.customers ?? 200,
          orders: o.orders ?? 400,
          products: o.products ?? 50,
        },
        quota: o.quota ?? 150,
        windowMs: o.windowMs ?? 30_000,
      },
    ],
  });
  closers.push(() => bigcommerce.close());
  const description: Record<string, unknown> = {
    bigcommerce: {
      url: bigcommerce.url,
      stores: bigcommerce.stores.map((s) => ({ hash: s.hash, token: s.token, apiBaseUrl: bigcommerce.url })),
    },
  };
  if (!o.bigcommerceOnly) {
    const platforms = {
      activecampaign: await startActiveCampaignSim(),
      dotdigital: await startDotdigitalSim(),
      salesmanago: await startSalesmanagoSim(),
      // Connectif refuses product links off its Authorized Domains (E0201): the demo store's hosts are on them.
      connectif: await startConnectifSim({
        stores: [
          { authorizedDomains: [...defaultAuthorizedDomains, ...(await storeHosts(bigcommerce.stores[0]!))] },
        ],
      }),
      bloomreach: await startBloomreachSim(),
    };
    for (const [name, sim] of Object.entries(platforms)) {
      closers.push(() => sim.close());
      description[name] = { url: sim.url, credentials: sim.credentials };
    }
  }
  return {
    description,
    async close() {
      await Promise.allSettled(closers.reverse().map((c) => c()));
    },
  };
}
