// Runs in: Node (CLI). Owns: `storebridge connections add|list|remove|pause|resume`.
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { expectOk, printTable, UsageError, type Output } from '../output.js';
import { parseJson } from './accounts.js';

export const connectionsHelp = `storebridge connections <command>
  list [--store ID]                             connections and their platforms
  add --store ID|HASH --account ID [--name N] [--settings JSON] [--channels 1,2] [--currencies EUR,USD]
      [--interval SECONDS] [--off]              route a store (or some channels/currencies) to an account
  pause <id> | resume <id>                      stop or restart continuous sync
  remove <id>                                   stop syncing; what was delivered stays on the platform`;

export async function connectionsCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list': {
      const { values } = parseArgs({ args: rest, options: { store: { type: 'string' } } });
      const list = expectOk(
        o,
        await ws.call('connections:list', values.store ? { storeId: storeRef(ws, values.store) } : {}),
      );
      if (!list) return 1;
      printTable(o, list, [
        ['ID', (c) => c.id],
        ['NAME', (c) => c.name],
        ['PLATFORM', (c) => c.platform],
        [
          'MODE',
          (c) =>
            c.paused ? 'paused' : c.mode === 'off' ? 'off' : `every ${Math.round(c.intervalMs / 1000)} s`,
        ],
      ]);
      return 0;
    }
    case 'add': {
      const { values } = parseArgs({
        args: rest,
        options: {
          store: { type: 'string' },
          account: { type: 'string' },
          name: { type: 'string' },
          settings: { type: 'string' },
          channels: { type: 'string' },
          currencies: { type: 'string' },
          interval: { type: 'string' },
          off: { type: 'boolean' },
        },
      });
      if (!values.store || !values.account)
        throw new UsageError('connections add needs --store and --account');
      const scope = {
        ...(values.channels ? { channels: values.channels.split(',').map(Number) } : {}),
        ...(values.currencies
          ? { currencies: values.currencies.split(',').map((c) => c.trim().toUpperCase()) }
          : {}),
      };
      const conn = expectOk(
        o,
        await ws.call('connections:add', {
          storeId: storeRef(ws, values.store),
          accountId: values.account,
          ...(values.name ? { name: values.name } : {}),
          scope,
          ...(values.settings
            ? { settings: parseJson(values.settings, '--settings') as Record<string, unknown> }
            : {}),
          ...(values.interval ? { intervalMs: Number(values.interval) * 1000 } : {}),
          ...(values.off ? { mode: 'off' as const } : {}),
        }),
      );
      if (!conn) return 1;
      o.out(o.json ? JSON.stringify(conn) : `Added connection "${conn.name}", id ${conn.id}.`);
      return 0;
    }
    case 'pause':
    case 'resume':
    case 'remove': {
      const id = rest[0];
      if (!id) throw new UsageError(`connections ${sub} needs the connection id`);
      const r = expectOk(o, await ws.call(`connections:${sub}`, { id }));
      if (!r) return 1;
      o.out(
        o.json
          ? JSON.stringify(r)
          : `Connection ${id}: ${sub === 'remove' ? 'removed' : sub === 'pause' ? 'paused' : 'resumed'}.`,
      );
      return 0;
    }
    default:
      throw new UsageError(connectionsHelp);
  }
}

/** A store id, or a store hash people remember better. */
export function storeRef(ws: Workspace, ref: string): string {
  return ws.stores.list().find((s) => s.id === ref || s.storeHash === ref.toLowerCase())?.id ?? ref;
}
