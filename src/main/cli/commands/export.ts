// Runs in: Node (CLI). Owns: `storebridge export`: a store's records into CSV/NDJSON files, through the same
// engine as any platform (a file-export connection that syncs only when asked).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { expectOk, UsageError, type Output } from '../output.js';
import { storeRef } from './connections.js';

export const exportHelp = `storebridge export --store ID|HASH --dir DIR [--format ndjson|csv] [--from DATE --to DATE]
                                                write the store's customers, subscribers, orders and products to files;
                                                running it again writes only what changed since`;

export async function exportCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      store: { type: 'string' },
      dir: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  if (!values.store || !values.dir) throw new UsageError(exportHelp);
  const storeId = storeRef(ws, values.store);
  const directory = resolve(values.dir);
  const format = values.format ?? 'ndjson';
  // One file account per workspace, one connection per (store, folder, format): re-runs resume, not repeat.
  const account =
    ws.accounts.list().find((a) => a.platform === 'file') ??
    (await ws.accounts.add({ platform: 'file', name: 'Files', credentials: {} }));
  const existing = ws.connections
    .list({ storeId })
    .find((c) => c.platform === 'file' && c.settings.directory === directory && c.settings.format === format);
  const conn =
    existing ??
    expectOk(
      o,
      await ws.call('connections:add', {
        storeId,
        accountId: account.id,
        name: `Export to ${directory}`,
        settings: { directory, format },
        mode: 'off',
      }),
    );
  if (!conn) return 1;
  const r = expectOk(
    o,
    await ws.call('sync:start', {
      connectionId: conn.id,
      historical: true,
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    }),
  );
  if (!r) return 1;
  o.out(
    o.json
      ? JSON.stringify({ ...r, directory })
      : `${r.delivered} record(s) written to ${directory} (${r.unchanged} unchanged since the last export).`,
  );
  return r.dead > 0 ? 1 : 0;
}
