// Runs in: renderer. Owns: setting up an export: the file account (created once), a connection of the store to
// it with mode off (it only runs when asked); and estimating each target before it runs.
import type { Api } from '../../../shared/contract/api';
import { unwrap } from '../../state/api-context';
import type { AccountSummary, ConnectionSummary } from '../../state/workspace-store';
import type { Estimate } from './export-store';

export interface ExportChoice {
  storeId: string;
  storeName: string;
  directory: string;
  format: 'ndjson' | 'csv';
}

/** Reuses the store's export connection to the same folder and format, or creates one. */
export async function prepareExport(
  api: Api,
  choice: ExportChoice,
  accounts: AccountSummary[],
  connections: ConnectionSummary[],
): Promise<ConnectionSummary> {
  const account =
    accounts.find((a) => a.platform === 'file') ??
    (await unwrap(api.accounts.add({ platform: 'file', name: 'Files on this computer', credentials: {} })));
  const existing = connections.find(
    (c) =>
      c.storeId === choice.storeId &&
      c.accountId === account.id &&
      c.settings.directory === choice.directory &&
      c.settings.format === choice.format,
  );
  if (existing) return existing;
  return unwrap(
    api.connections.add({
      storeId: choice.storeId,
      accountId: account.id,
      name: `${choice.storeName} export (${choice.format.toUpperCase()})`,
      settings: { directory: choice.directory, format: choice.format },
      mode: 'off',
    }),
  );
}

/** The estimate of each target before starting; a target that cannot be estimated says why. */
export async function estimateAll(
  api: Api,
  targets: Array<{ connectionId: string; what: string }>,
): Promise<Array<{ connectionId: string; what: string; estimate?: Estimate; error?: string }>> {
  return Promise.all(
    targets.map(async (t) => {
      try {
        return { ...t, estimate: await unwrap(api.sync.estimate({ connectionId: t.connectionId })) };
      } catch (err) {
        return { ...t, error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
}
