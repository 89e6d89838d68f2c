// Runs in: Node (simulators). Owns: the simulated accounts: their data, keys and shared rate-limit windows.
import { SlidingWindowLimiter } from '../kit/index.js';
import { formatDate, type Ctx } from './http.js';
import { settleJobs } from './jobs.js';
import type { AcAccount, ResolvedOptions } from './options.js';
import { AccountStore } from './store.js';

export interface AccountState {
  config: AcAccount;
  store: AccountStore;
  /** Every key of the account draws on this one window (documented: 5 requests per second per account). */
  limiter: SlidingWindowLimiter;
  bulkSingle: SlidingWindowLimiter;
  bulkMulti: SlidingWindowLimiter;
}

export class Accounts {
  private readonly byName = new Map<string, AccountState>();

  constructor(
    private readonly opts: ResolvedOptions,
    private readonly baseUrl: () => string,
  ) {
    this.reset();
  }

  reset(): void {
    this.byName.clear();
    const o = this.opts;
    for (const config of o.accounts) {
      this.byName.set(config.name, {
        config,
        store: new AccountStore(config.name),
        limiter: new SlidingWindowLimiter(o.rateLimit, o.rateWindowMs, o.now),
        bulkSingle: new SlidingWindowLimiter(o.bulkSingleLimit, o.bulkWindowMs, o.now),
        bulkMulti: new SlidingWindowLimiter(o.bulkMultiLimit, o.bulkWindowMs, o.now),
      });
    }
  }

  get default(): AccountState {
    return this.byName.get(this.opts.accounts[0]!.name)!;
  }

  get(name?: string): AccountState | undefined {
    return name === undefined ? this.default : this.byName.get(name);
  }

  all(): AccountState[] {
    return [...this.byName.values()];
  }

  /** The API root a connector is given for this account (the first account also answers on `/api/3`). */
  apiUrl(name: string): string {
    return name === this.opts.accounts[0]!.name
      ? `${this.baseUrl()}/api/3`
      : `${this.baseUrl()}/${name}/api/3`;
  }

  ctx(account: AccountState, base = this.apiUrl(account.config.name)): Ctx {
    const o = this.opts;
    const ctx: Ctx = {
      store: account.store,
      now: o.now,
      date: (ms) => formatDate(ms, o.utcOffsetMinutes),
      base,
      utcOffsetMinutes: o.utcOffsetMinutes,
    };
    settleJobs(ctx, o.jobs, o.jobDelayMs);
    return ctx;
  }
}
