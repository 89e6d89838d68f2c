// Runs in: Node (simulators). Owns: an account at runtime: its store plus the rate-limit windows of
// its API user (tiered per-minute counters, or the legacy rolling-hour count) and the enrolment cap.
import { FixedWindowLimiter, SlidingWindowLimiter } from '../kit/index.js';
import type { AccountOption, ProgramOption, RateLimitOptions } from './options.js';
import { AccountStore } from './store.js';

export class Account {
  readonly store: AccountStore;
  readonly tiers: { low: FixedWindowLimiter; medium: FixedWindowLimiter; high: FixedWindowLimiter };
  readonly flat: SlidingWindowLimiter;
  readonly enrolments: SlidingWindowLimiter;

  constructor(
    readonly option: AccountOption,
    id: number,
    programs: ProgramOption[],
    limits: RateLimitOptions,
    now: () => number,
  ) {
    this.store = new AccountStore(option, id, programs);
    this.tiers = {
      low: new FixedWindowLimiter(limits.tiers.low, limits.tierWindowMs, now),
      medium: new FixedWindowLimiter(limits.tiers.medium, limits.tierWindowMs, now),
      high: new FixedWindowLimiter(limits.tiers.high, limits.tierWindowMs, now),
    };
    this.flat = new SlidingWindowLimiter(limits.flatLimit, limits.flatWindowMs, now);
    this.enrolments = new SlidingWindowLimiter(limits.enrolmentLimit, limits.enrolmentWindowMs, now);
  }

  get username(): string {
    return this.option.username;
  }

  reset(): void {
    this.store.reset();
    for (const t of Object.values(this.tiers)) t.reset();
    this.flat.reset();
    this.enrolments.reset();
  }
}
