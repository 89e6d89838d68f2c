// Runs in: Node (CLI). Owns: `storebridge stores add|list|rename|set-token|remove`.
import { parseArgs } from 'node:util';
import type { StoreSummary } from '../../../shared/contract/index.js';
import type { Workspace } from '../../app/workspace.js';
import { expectOk, printTable, UsageError, type Output } from '../output.js';
import { storesSetToken, storesTokenHelp, tokenFrom } from './stores-token.js';
import { storesWebhooksCommand, storesWebhooksHelp } from './stores-webhooks.js';

export const storesHelp = `storebridge stores <command>
  list                                   list the stores in the workspace
  add --name N --hash H [token source]   add a store; the token goes to the OS keychain
      token source: --token-stdin (recommended), or STOREBRIDGE_TOKEN, or --token T (visible in shell history)
      --api-url URL                      API base URL (default https://api.bigcommerce.com)
      --no-verify                        skip checking the token and its scopes after adding
  rename <id|hash> --name N              rename a store
${storesTokenHelp}
  verify <id|hash>                       check the token, its scopes and the store's facts, with what to fix
  remove <id|hash>                       remove a store, the hooks and scripts Storebridge put on it, and its token
  webhooks <command>                     webhooks where a public HTTPS URL reaches this machine (see below)
${storesWebhooksHelp}`;

export async function storesCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list': {
      const stores = expectOk(o, await ws.call('stores:list', {}));
      if (!stores) return 1;
      printTable(o, stores, [
        ['ID', (s) => s.id],
        ['NAME', (s) => s.name],
        ['HASH', (s) => s.storeHash],
        ['TOKEN', (s) => s.credentials.hint],
        ['API', (s) => s.apiBaseUrl],
      ]);
      return 0;
    }
    case 'add': {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          hash: { type: 'string' },
          token: { type: 'string' },
          'token-stdin': { type: 'boolean' },
          'api-url': { type: 'string' },
          'no-verify': { type: 'boolean' },
        },
      });
      const accessToken = tokenFrom(values);
      if (!accessToken)
        throw new UsageError('stores add needs a token: --token-stdin, STOREBRIDGE_TOKEN or --token');
      const store = expectOk(
        o,
        await ws.call('stores:add', {
          name: values.name ?? '',
          storeHash: values.hash ?? '',
          accessToken,
          ...(values['api-url'] ? { apiBaseUrl: values['api-url'] } : {}),
        }),
      );
      if (!store) return 1;
      o.out(
        o.json
          ? JSON.stringify(store)
          : `Added store "${store.name}" (${store.storeHash}), id ${store.id}. Token saved in the OS keychain.`,
      );
      // Check the token right away, so a missing scope is fixed now rather than found in the first sync.
      if (!values['no-verify'] && !o.json) {
        const v = await ws.call('stores:verify', { id: store.id });
        if (!v.ok) o.err(`Could not verify the store yet: ${v.error.message}`);
        else
          for (const c of v.value.checks.filter((x) => !x.ok))
            o.err(`  ${c.label}: ${c.detail}${c.fix ? ` Fix: ${c.fix}` : ''}`);
        if (v.ok && v.value.ok) o.out('Verified: the token can read everything Storebridge needs.');
      }
      return 0;
    }
    case 'rename': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { name: { type: 'string' } },
      });
      const id = findStore(ws, positionals[0]);
      const store = expectOk(o, await ws.call('stores:rename', { id, name: values.name ?? '' })) as
        StoreSummary | undefined;
      if (!store) return 1;
      o.out(o.json ? JSON.stringify(store) : `Renamed to "${store.name}".`);
      return 0;
    }
    case 'verify': {
      const v = expectOk(o, await ws.call('stores:verify', { id: findStore(ws, rest[0]) }));
      if (!v) return 1;
      if (o.json) o.out(JSON.stringify(v));
      else {
        if (v.store)
          o.out(
            `${v.store.name} (${v.store.domain ?? 'no domain'}), ${v.store.currency ?? '?'}, ${v.store.timezone ?? '?'}`,
          );
        for (const c of v.checks)
          o.out(
            `${c.ok ? 'ok  ' : 'FAIL'}  ${c.label}: ${c.detail}${c.ok || !c.fix ? '' : `\n      fix: ${c.fix}`}`,
          );
        if (v.realtime?.mode === 'polling')
          o.out(
            `note  Changes are polled; ${v.realtime.needsWebhooks.join(', ')} need webhooks (stores webhooks url).`,
          );
      }
      return v.ok ? 0 : 1;
    }
    case 'set-token':
      return storesSetToken(ws, o, rest, (ref) => findStore(ws, ref));
    case 'remove': {
      const id = findStore(ws, rest[0]);
      if (!expectOk(o, await ws.call('stores:remove', { id }))) return 1;
      o.out(o.json ? JSON.stringify({ removed: id }) : `Removed store ${id} and its keychain entry.`);
      return 0;
    }
    case 'webhooks':
      return storesWebhooksCommand(ws, o, rest, (ref) => findStore(ws, ref));
    default:
      throw new UsageError(storesHelp);
  }
}

/** Accepts a store id or its hash, which people remember better. */
function findStore(ws: Workspace, ref: string | undefined): string {
  if (!ref) throw new UsageError('Name the store by id or store hash.');
  const match = ws.stores.list().find((s) => s.id === ref || s.storeHash === ref.toLowerCase());
  return match?.id ?? ref; // an unknown ref falls through to the contract's own not_found / invalid_input answer
}
