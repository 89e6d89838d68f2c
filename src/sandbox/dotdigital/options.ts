// Runs in: Node (simulators). Owns: the dotdigital simulator's options, their defaults, and the
// rate-limit tier names (tier numbers vary by package and are not published: see README).

export type Region = 'r1' | 'r2' | 'r3';
export const regions: Region[] = ['r1', 'r2', 'r3'];
export type Tier = 'low' | 'medium' | 'high' | 'unlimited';

export interface AccountOption {
  /** API user name: dotdigital generates `apiuser-…@apiconnector.com`. */
  username: string;
  password: string;
  region: Region;
  /** Which of the two documented rate-limit schemes this API user is on. */
  rateScheme?: 'tiered' | 'flat';
  /** Account setting "Enforce double opt-in": new subscribers stay pendingOptIn until confirmed. */
  enforceDoubleOptIn?: boolean;
  /** Lacking the Programs permission answers 403 on enrolments. */
  programsPermission?: boolean;
}

export interface ProgramOption {
  id: number;
  name: string;
  status: 'Draft' | 'Active' | 'Deactivated' | 'ReadOnly';
}

export interface RateLimitOptions {
  /** Per-tier calls per window (tiered scheme). */
  tiers: { low: number; medium: number; high: number };
  tierWindowMs: number;
  /** Legacy flat scheme: calls per rolling window. */
  flatLimit: number;
  flatWindowMs: number;
  /** Program enrolment creation cap across all programs. */
  enrolmentLimit: number;
  enrolmentWindowMs: number;
}

export interface JobOptions {
  /** An import or enrolment finishes on the first look at least this long after it started; null = only via /__sim/. */
  finishAfterMs: number | null;
  maxActiveContactImports: number;
  maxActiveInsightImports: number;
}

export interface DotdigitalSimOptions {
  /** Port of the account's region server when only one account is given; other regions always use port 0. */
  port?: number;
  accounts?: AccountOption[];
  programs?: ProgramOption[];
  rateLimits?: Partial<RateLimitOptions>;
  jobs?: Partial<JobOptions>;
  /** Largest request body (bulk imports are capped at 50 MB by the vendor). */
  maxBodyBytes?: number;
  now?: () => number;
}

export const defaultAccount: AccountOption = {
  username: 'apiuser-storebridge@apiconnector.com',
  password: 'Sandbox-pass-1',
  region: 'r1',
  rateScheme: 'tiered',
  enforceDoubleOptIn: false,
  programsPermission: true,
};

export const defaultPrograms: ProgramOption[] = [
  { id: 1001, name: 'Welcome new customers', status: 'Active' },
  { id: 1002, name: 'Welcome new subscribers', status: 'Active' },
  { id: 1003, name: 'First order thank-you', status: 'Active' },
  { id: 1004, name: 'Order follow-up', status: 'Active' },
  { id: 1005, name: 'Draft winback', status: 'Draft' },
  { id: 1006, name: 'Old promotion', status: 'Deactivated' },
];

// "Low is 35 calls per minute at one level" is the only published figure; the rest are guesses.
export const defaultRateLimits: RateLimitOptions = {
  tiers: { low: 35, medium: 150, high: 500 },
  tierWindowMs: 60_000,
  flatLimit: 2_000,
  flatWindowMs: 3_600_000,
  enrolmentLimit: 20,
  enrolmentWindowMs: 3_600_000,
};

export const defaultJobs: JobOptions = {
  finishAfterMs: 0,
  maxActiveContactImports: 25,
  maxActiveInsightImports: 5,
};

export const MAX_BODY_BYTES = 50 * 1024 * 1024;
