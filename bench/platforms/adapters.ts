// Runs in: Node (benchmarks). Owns: how each platform's simulator is started at its documented limit (scaled
// in time by `scale`) and which credentials and settings point the registry's connector at it.
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startConnectifSim } from '../../src/sandbox/connectif/index.js';
import { startDotdigitalSim } from '../../src/sandbox/dotdigital/index.js';
import { startSalesmanagoSim } from '../../src/sandbox/salesmanago/index.js';
import { connectorFor } from '../../src/main/platforms/registry.js';
import {
  dotdigitalSettingsSchema,
  type DotdigitalConnector,
} from '../../src/main/platforms/dotdigital/index.js';

export interface StartedDestination {
  credentials: unknown;
  settings: unknown;
  /** Requests the platform answered so far (the kit's request log; control routes excluded). */
  requests(): number;
  /** Of those, answered 429 (over the limit). */
  throttled(): number;
  close(): Promise<void>;
}

export interface PlatformBench {
  platform: string;
  /** The limit the simulator enforces, as documented (or the stated assumption where none is published). */
  limit: string;
  start(scale: number): Promise<StartedDestination>;
}

export const platformBenches: PlatformBench[] = [
  {
    platform: 'activecampaign',
    limit: '5 requests/s per account, bulk import 20 single / 100 multi per min (documented)',
    async start(scale) {
      const sim = await startActiveCampaignSim({
        rateLimit: 5,
        rateWindowMs: 1000 / scale,
        // The bulk importer's own per-minute limits (20 single-contact, 100 multi-contact requests).
        bulkWindowMs: 60_000 / scale,
      });
      return {
        credentials: { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey },
        settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 5 * scale },
        requests: () => sim.server.requests.length,
        throttled: () => sim.server.requests.filter((r) => r.status === 429).length,
        close: () => sim.close(),
      };
    },
  },
  {
    platform: 'connectif',
    limit: '100 requests/min per key (unpublished: the stated assumption)',
    async start(scale) {
      const sim = await startConnectifSim({
        rateLimit: { limit: 100, windowMs: 60_000 / scale },
        // The storefront and BigCommerce's image CDN, as the setup guide asks the merchant to authorise.
        stores: [
          {
            authorizedDomains: [
              'http://127.0.0.1',
              'https://*.mybigcommerce.com',
              'https://cdn11.bigcommerce.com',
            ],
          },
        ],
      });
      return {
        credentials: { apiUrl: sim.url, apiKey: sim.credentials.apiKey },
        settings: { storeUrl: 'https://shop.mybigcommerce.com', requestsPerMinute: 100 * scale },
        requests: () => sim.server.requests.length,
        throttled: () => sim.server.requests.filter((r) => r.status === 429).length,
        close: () => sim.close(),
      };
    },
  },
  {
    platform: 'dotdigital',
    limit: 'tiered: low 35 / medium 150 / high 500 per min (only "Low 35/min" is quoted)',
    async start(scale) {
      const sim = await startDotdigitalSim({ rateLimits: { tierWindowMs: 60_000 / scale } });
      const account = sim.credentials[0]!;
      const credentials = {
        apiUser: account.username,
        password: account.password,
        region: account.region,
        endpoint: sim.urls[account.region],
      };
      const connector = connectorFor('dotdigital') as unknown as DotdigitalConnector;
      const base = { credentials, signal: new AbortController().signal };
      const customers = await connector.setup.ensureAddressBook(base, 'Store customers');
      const subscribers = await connector.setup.ensureAddressBook(base, 'Store subscribers');
      const settings = {
        customersAddressBookId: customers.id,
        subscribersAddressBookId: subscribers.id,
        storeUrl: 'https://shop.example.com/',
      };
      // The data fields the connector writes, created as the account wizard does.
      await connector.setup.ensureDataFields({ ...base, settings: dotdigitalSettingsSchema.parse(settings) });
      return {
        credentials,
        settings,
        requests: () => sim.servers[account.region].requests.length,
        throttled: () => sim.servers[account.region].requests.filter((r) => r.status === 429).length,
        close: () => sim.close(),
      };
    },
  },
  {
    platform: 'salesmanago',
    limit:
      "1,000 requests/min per account (unpublished: the simulator's assumption); no product catalogue (v3)",
    async start(scale) {
      const sim = await startSalesmanagoSim({ rateLimit: { limit: 1000, windowMs: 60_000 / scale } });
      const a = sim.credentials;
      return {
        // A full https?:// endpoint is accepted as a custom server; without a v3 key products are not sent.
        credentials: {
          clientId: a.clientId,
          apiKey: 'storebridge-bench',
          apiSecret: a.apiSecret,
          owner: a.owner,
          endpoint: sim.serverUrls[a.server],
        },
        settings: { location: 'bc-bench' },
        requests: () => sim.server.requests.length,
        throttled: () => sim.server.requests.filter((r) => r.status === 429).length,
        close: () => sim.close(),
      };
    },
  },
];
