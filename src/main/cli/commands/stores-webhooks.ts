// Runs in: Node (CLI). Owns: `storebridge stores webhooks url|register|check|status`: where BigCommerce reaches
// the console (the user's public HTTPS URL forwarding to the local receiver) and the hooks on each store.
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { isAppError } from '../../core/errors.js';
import { printTable, UsageError, type Output } from '../output.js';

export const storesWebhooksHelp = `storebridge stores webhooks <command>
  url <https-url> [--port N]     the public HTTPS URL that forwards to this machine's receiver on 127.0.0.1:N
  url --off                      no public URL: poll only (carts need webhooks and stay off)
  register <id|hash>             put the console's hooks on the store (the app's receiver must be running)
  check <id|hash>                re-enable hooks BigCommerce switched off and backfill the gap by polling
  status                         the receiver settings and each store's hooks`;

export async function storesWebhooksCommand(
  ws: Workspace,
  o: Output,
  args: string[],
  findStore: (ref: string | undefined) => string,
): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'url': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { port: { type: 'string' }, off: { type: 'boolean' } },
        });
        if (!values.off && !positionals[0]) throw new UsageError(storesWebhooksHelp);
        const port = values.port === undefined ? null : Number(values.port);
        if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65_535))
          throw new UsageError('--port must be a port number from 1 to 65535');
        const s = ws.webhooks.configure({ publicUrl: values.off ? null : positionals[0]!, port });
        o.out(
          o.json
            ? JSON.stringify(s)
            : s.publicUrl
              ? `Webhooks arrive at ${s.publicUrl}, forwarded to 127.0.0.1:${s.port ?? '(any free port)'}. Run "stores webhooks register" for each store.`
              : 'No public URL: Storebridge polls. Carts need webhooks and stay off.',
        );
        return 0;
      }
      case 'register': {
        const r = await ws.webhooks.register(findStore(rest[0]));
        o.out(
          o.json
            ? JSON.stringify({ destination: r.destination, hooks: r.hooks })
            : `Registered ${r.hooks.length} hooks at ${r.destination}.`,
        );
        return 0;
      }
      case 'check': {
        const r = await ws.webhooks.check(findStore(rest[0]));
        o.out(
          o.json
            ? JSON.stringify(r)
            : `${r.checked} hooks checked; re-enabled ${r.reenabled.length}, recreated ${r.recreated.length}.`,
        );
        return 0;
      }
      case 'status': {
        const s = ws.webhooks.settings();
        const rows = ws.stores.list().flatMap((st) =>
          ws.webhooks.repo.hooks(st.id).map((h) => ({
            store: st.storeHash,
            scope: h.scope,
            hookId: h.hookId,
            lastActiveAt: new Date(h.lastActiveAt).toISOString(),
          })),
        );
        if (o.json) o.out(JSON.stringify({ ...s, realtime: ws.webhooks.realtime(), hooks: rows }));
        else {
          o.out(
            s.publicUrl ? `Public URL: ${s.publicUrl} (receiver port ${s.port ?? 'any'})` : 'Polling only.',
          );
          printTable(o, rows, [
            ['STORE', (r) => r.store],
            ['SCOPE', (r) => r.scope],
            ['HOOK', (r) => String(r.hookId)],
            ['LAST DELIVERY', (r) => r.lastActiveAt],
          ]);
        }
        return 0;
      }
      default:
        throw new UsageError(storesWebhooksHelp);
    }
  } catch (err) {
    if (!isAppError(err)) throw err;
    o.err(err.message);
    return 1;
  }
}
