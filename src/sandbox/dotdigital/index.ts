// Runs in: Node (simulators, CLI sandbox, tests). Owns: startDotdigitalSim: one kit server per region
// (r1/r2/r3) over shared account state, so a wrong-region call answers 403 as dotdigital does.
import { type SimServer, startSimServer } from '../kit/index.js';
import { Account } from './account.js';
import { isV3Path, v2Error, v3Error } from './errors.js';
import type { SimContext } from './gate.js';
import { JobRunner } from './jobs.js';
import {
  type AccountOption,
  defaultAccount,
  defaultJobs,
  defaultPrograms,
  defaultRateLimits,
  type DotdigitalSimOptions,
  MAX_BODY_BYTES,
  type Region,
  regions,
} from './options.js';
import { buildRouter } from './routes/index.js';
import type { AccountStore } from './store.js';

export type { DotdigitalSimOptions, AccountOption, Region } from './options.js';

export interface DotdigitalSim {
  /** Base URL of the first account's region (what a connector configured for that account calls). */
  url: string;
  /** Base URL of each regional host. */
  urls: Record<Region, string>;
  credentials: AccountOption[];
  /** The kit server of each region (faults, request log, down/up). */
  servers: Record<Region, SimServer>;
  /** Finishes the account's due jobs, then returns its state (default: the first account). */
  store(username?: string): AccountStore;
  /** Empties every account back to its seed (the Test book, default data fields, programs). */
  reset(): void;
  close(): Promise<void>;
}

export async function startDotdigitalSim(options: DotdigitalSimOptions = {}): Promise<DotdigitalSim> {
  const now = options.now ?? Date.now;
  const limits = {
    ...defaultRateLimits,
    ...options.rateLimits,
    tiers: { ...defaultRateLimits.tiers, ...options.rateLimits?.tiers },
  };
  const jobOpts = { ...defaultJobs, ...options.jobs };
  const accountOpts = (options.accounts ?? [defaultAccount]).map((a) => ({ ...defaultAccount, ...a }));
  const accounts = accountOpts.map(
    (a, i) => new Account(a, 1000 + i, options.programs ?? defaultPrograms, limits, now),
  );
  const ctx: SimContext = {
    accounts,
    now,
    jobs: new JobRunner(jobOpts, now),
    maxActiveContactImports: jobOpts.maxActiveContactImports,
    maxActiveInsightImports: jobOpts.maxActiveInsightImports,
  };
  const reset = () => accounts.forEach((a) => a.reset());
  const urls = {} as Record<Region, string>;
  const servers = {} as Record<Region, SimServer>;
  const home = accountOpts[0]!.region;
  for (const region of regions) {
    servers[region] = await startSimServer({
      name: `dotdigital-${region}`,
      router: buildRouter(ctx, region, (r) => urls[r as Region] ?? ''),
      port: region === home ? options.port : 0,
      maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
      errors: {
        notFound: (req) =>
          isV3Path(req.path)
            ? v3Error(404, 'notFound', `No resource matches ${req.path}.`)
            : v2Error(404, `No HTTP resource was found that matches the request URI '${req.path}'.`),
        methodNotAllowed: (req) =>
          isV3Path(req.path)
            ? v3Error(405, 'methodNotAllowed', `${req.method} is not allowed on ${req.path}.`)
            : v2Error(405, `The requested resource does not support http method '${req.method}'.`),
        badJson: (req) =>
          isV3Path(req.path)
            ? v3Error(400, 'validationFailed', 'The request body is not valid JSON.')
            : v2Error(400, 'The request body is not valid JSON. ERROR_PARAMETER_INVALID'),
        tooLarge: () => v2Error(413, 'The request body is larger than 50 MB. ERROR_PARAMETER_INVALID'),
        serverError: (status) => v2Error(status, 'An error has occurred.'),
      },
      onReset: reset,
      state: () => ({
        region,
        accounts: accounts.map((a) => ({
          username: a.username,
          region: a.option.region,
          contacts: a.store.contacts.size,
        })),
      }),
    });
    urls[region] = servers[region].url;
  }
  const find = (username?: string): Account => {
    const a = username
      ? accounts.find((x) => x.username.toLowerCase() === username.toLowerCase())
      : accounts[0];
    if (!a) throw new Error(`dotdigital simulator: no account ${username}`);
    return a;
  };
  return {
    get url() {
      return urls[home];
    },
    urls,
    credentials: accountOpts,
    servers,
    store(username) {
      const a = find(username);
      ctx.jobs.tick(a);
      return a.store;
    },
    reset,
    async close() {
      await Promise.all(regions.map((r) => servers[r].close()));
    },
  };
}
