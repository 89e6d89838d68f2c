// Runs in: renderer. Owns: setting up an export: the file account (created once), a connection of the store to
// it with mode off (it only runs when asked); the run options the choices mean; and estimating each target
// for those options before it runs.
import type { Api } from '../../../shared/contract/api';
import type { ChannelInput } from '../../../shared/contract/index';
import { unwrap } from '../../state/api-context';
import type { AccountSummary, ConnectionSummary } from '../../state/workspace-store';
import type { Estimate, RunOptions } from './export-store';
import type { ExportChoices } from './ExportForm';

/** What is wrong with the resources and dates chosen, in words the user can act on; null when nothing. */
export function choiceProblem(c: Pick<ExportChoices, 'resources' | 'from' | 'to'>): string | null {
  if (c.resources.length === 0) return 'Choose at least one resource to export.';
  if (c.from && c.to && c.from > c.to) return 'The end date is before the start date.';
  return null;
}

/** The historical sync the choices ask for: whole local days, from the start of `from` to the end of `to`. */
export function runOptions(c: Pick<ExportChoices, 'resources' | 'from' | 'to'>): RunOptions {
  return {
    historical: true,
    resources: c.resources,
    from: c.from ? new Date(`${c.from}T00:00:00`).toISOString() : undefined,
    to: c.to ? new Date(`${c.to}T23:59:59`).toISOString() : undefined,
  };
}

/** The estimate is asked with exactly the inputs the run will get. */
export type EstimateInput = Omit<ChannelInput<'sync:estimate'>, 'connectionId'>;
export function estimateInput(o: RunOptions): EstimateInput {
  const { historical: _historical, ...rest } = o;
  return rest;
}

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
  input: EstimateInput,
): Promise<Array<{ connectionId: string; what: string; estimate?: Estimate; error?: string }>> {
  return Promise.all(
    targets.map(async (t) => {
      try {
        return {
          ...t,
          estimate: await unwrap(api.sync.estimate({ connectionId: t.connectionId, ...input })),
        };
      } catch (err) {
        return { ...t, error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
}
