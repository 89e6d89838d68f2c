// Runs in: renderer. Owns: the dashboard's bulk actions, each reporting which connection failed and why.
import type { Api } from '../../../shared/contract/api';
import { unwrap } from '../../state/api-context';
import { syncOnce } from '../connections/run-sync';
import type { ConnectionSummary } from '../../state/workspace-store';
import { errorText } from '../../ui/errors';

export interface BulkResult {
  ok: number;
  failures: string[];
}

async function each(
  list: ConnectionSummary[],
  describe: (c: ConnectionSummary) => string,
  run: (c: ConnectionSummary) => Promise<unknown>,
): Promise<BulkResult> {
  const results = await Promise.allSettled(list.map(run));
  const failures: string[] = [];
  results.forEach((r, i) => {
    if (r.status === 'rejected') failures.push(`${describe(list[i]!)}: ${errorText(r.reason)}`);
  });
  return { ok: results.length - failures.length, failures };
}

export function pauseAll(api: Api, list: ConnectionSummary[], describe: (c: ConnectionSummary) => string) {
  return each(
    list.filter((c) => !c.paused),
    describe,
    (c) => unwrap(api.connections.pause({ id: c.id })),
  );
}

export function syncAll(api: Api, list: ConnectionSummary[], describe: (c: ConnectionSummary) => string) {
  return each(
    list.filter((c) => !c.paused),
    describe,
    (c) => syncOnce(api, c.id),
  );
}
