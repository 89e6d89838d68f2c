// Runs in: Node (benchmarks). Owns: how each platform's simulator is started at its documented limit (scaled
// in time by `scale`), which credentials and settings point the registry's connector at it, and what the
// platform really limits (which requests count, how many per window), for the benchmark's bound.
import type { LoggedRequest } from '../../src/sandbox/kit/index.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBloomreachSim } from '../../src/sandbox/bloomreach/index.js';
import { defaultAuthorizedDomains, startConnectifSim } from '../../src/sandbox/connectif/index.js';
import { storeHosts } from '../../src/sandbox/demo-hosts.js';
import { startDotdigitalSim } from '../../src/sandbox/dotdigital/index.js';
import { startSalesmanagoSim } from '../../src/sandbox/salesmanago/index.js';
import { acSettingsSchema } from '../../src/main/platforms/activecampaign/index.js';
import { connectorFor } from '../../src/main/platforms/registry.js';
import {
  dotdigitalSettingsSchema,
  type DotdigitalConnector,
} from '../../src/main/platforms/dotdigital/index.js';
import { dotdigitalTier } from './dotdigital-tiers.js';

export interface StartedDestination {
  credentials: unknown;
  settings: unknown;
  /** Requests the platform answered so far, oldest first (the kit's request log; control routes excluded). */
  log(): LoggedRequest[];
  close(): Promise<void>;
}

/** One limit the platform enforces, in real time (the benchmark scales it like the simulator's windows). */
export interface PlatformLimit {
  /** What is counted, e.g. "requests per account". */
  name: string;
  calls: number;
  windowMs: number;
  /** Whether a request counts against this limit. */
  counts(r: LoggedRequest): boolean;
}

export interface PlatformBench {
  platform: string;
  /** The limit the simulator enforces, as documented (or the stated assumption where none is published). */
  limit: string;
  /** What the bound counts: every limit a historical sync's requests fall under. */
  limits: PlatformLimit[];
  /** `source`: the simulated store the sync reads (some platforms are set up with its hosts). */
  start(scale: number, source: { apiBaseUrl: string; token: string }): Promise<StartedDestination>;
}

const every = (): boolean => true;
const tier = (name: 'low' | 'medium' | 'high', calls: number): PlatformLimit => ({
  name: `${name}-tier requests per API user`,
  calls,
  windowMs: 60_000,
  counts: (r) => dotdigitalTier(r.method, r.path) === name,
});

export const platformBenches: PlatformBench[] = [
  {
    platform: 'activecampaign',
    limit: '5 requests/s per account, bulk import 20 single / 100 multi per min (documented)',
    // The connector writes through the API, one request at a time; it never uses the bulk importer.
    limits: [{ name: 'requests per account', calls: 5, windowMs: 1_000, counts: every }],
    async start(scale) {
      const sim = await startActiveCampaignSim({
        rateLimit: 5,
        rateWindowMs: 1000 / scale,
        // The bulk importer's own per-minute limits (20 single-contact, 100 multi-contact requests).
        bulkWindowMs: 60_000 / scale,
      });
      return {
        credentials: { apiUrl: sim.credentials.apiUrl, apiKey: sim.credentials.apiKey },
        // The connector's default pace (4/s, one below the account's 5), sped up like the windows.
        settings: {
          storeUrl: 'https://shop.example.com',
          requestsPerSecond:
            acSettingsSchema.parse({ storeUrl: 'https://shop.example.com' }).requestsPerSecond * scale,
        },
        log: () => sim.server.requests,
        close: () => sim.close(),
      };
    },
  },
  {
    platform: 'connectif',
    limit: '100 requests/min per key (unpublished: the stated assumption)',
    limits: [{ name: 'requests per API key', calls: 100, windowMs: 60_000, counts: every }],
    async start(scale, source) {
      const sim = await startConnectifSim({
        rateLimit: { limit: 100, windowMs: 60_000 / scale },
        // The storefront and the image hosts the store really uses, as the setup guide asks the merchant to
        // authorise (read from the store, so the simulated CDN's address counts too).
        stores: [{ authorizedDomains: [...defaultAuthorizedDomains, ...(await storeHosts(source))] }],
      });
      return {
        credentials: { apiUrl: sim.url, apiKey: sim.credentials.apiKey },
        settings: { storeUrl: 'https://shop.mybigcommerce.com', requestsPerMinute: 100 * scale },
        log: () => sim.server.requests,
        close: () => sim.close(),
      };
    },
  },
  {
    platform: 'dotdigital',
    limit: 'tiered: low 35 / medium 150 / high 500 per min (only "Low 35/min" is quoted)',
    // Each endpoint counts in one tier (import status polls in none); a bulk import carries many records.
    limits: [tier('low', 35), tier('medium', 150), tier('high', 500)],
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
        log: () => sim.servers[account.region].requests,
        close: () => sim.close(),
      };
    },
  },
  {
    platform: 'salesmanago',
    limit:
      "1,000 requests/min per account (unpublished: the simulator's assumption); no product catalogue (v3)",
    limits: [{ name: 'requests per account', calls: 1_000, windowMs: 60_000, counts: every }],
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
        log: () => sim.server.requests,
        close: () => sim.close(),
      };
    },
  },
  {
    platform: 'bloomreach',
    limit: '6,000 requests/min per client IP (documented)',
    limits: [{ name: 'requests per IP', calls: 6_000, windowMs: 60_000, counts: every }],
    async start(scale) {
      const sim = await startBloomreachSim({ rateLimit: { limit: 6_000, windowMs: 60_000 / scale } });
      const c = sim.credentials;
      return {
        credentials: {
          baseUrl: sim.url,
          projectToken: c.projectToken,
          apiKeyId: c.privateKey.keyId,
          apiSecret: c.privateKey.secret,
        },
        // The connector's default pace (3,000/min, half the IP's allowance), sped up like the windows.
        settings: { storeUrl: 'https://shop.example.com/', requestsPerMinute: 3_000 * scale },
        log: () => sim.server.requests,
        close: () => sim.close(),
      };
    },
  },
];
