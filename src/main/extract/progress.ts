// Runs in: main (Electron-free). Owns: the progress and result shapes of an extraction run.
import type { ExtractResource } from './resources.js';

export type ExtractPhase = 'historical' | 'incremental' | 'sweep' | 'reconcile';

export interface ExtractProgress {
  resource: ExtractResource;
  phase: ExtractPhase;
  pages: number;
  /** Records read from the API in this run. */
  records: number;
  /** Records new or changed, written to staging. */
  staged: number;
  /** API calls made by this run (retries included). */
  calls: number;
}

export interface ExtractResult extends ExtractProgress {
  unchanged: number;
  /** reconcile only: ids found gone and marked deleted. */
  deleted: number;
  /** The cursor after the run (JSON), if the phase keeps one. */
  cursor?: string;
}

export function emptyResult(resource: ExtractResource, phase: ExtractPhase): ExtractResult {
  return { resource, phase, pages: 0, records: 0, staged: 0, calls: 0, unchanged: 0, deleted: 0 };
}
