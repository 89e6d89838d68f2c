// Runs in: Node (simulators). Owns: the shape of a v2 API method and what every method may use.
import type { SimResponse } from '../../kit/index.js';
import type { JobRunner } from '../jobs.js';
import type { ResolvedOptions } from '../options.js';
import type { V2Context } from './auth.js';

export interface V2Env {
  opts: ResolvedOptions;
  jobs: JobRunner;
}

export interface V2Method {
  /** listByClient is the one call the vendor's plugin makes before an owner is known. */
  needsOwner: boolean;
  handle: (ctx: V2Context, env: V2Env) => SimResponse;
}
