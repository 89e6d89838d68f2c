// Runs in: Node (CLI). Owns: `storebridge accounts add|list|remove` (platform accounts and their credentials).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { expectOk, printTable, UsageError, type Output } from '../output.js';

export const accountsHelp = `storebridge accounts <command>
  list                                          platform accounts (credentials shown as a hint only)
  add --platform P --name N [--credentials-stdin] [--settings JSON]
                                                credentials as JSON on stdin (never a flag: shell history)
  remove <id>                                   remove an account without connections; deletes its keychain entry`;

export async function accountsCommand(ws: Workspace, o: Output, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list': {
      const accounts = expectOk(o, await ws.call('accounts:list', {}));
      if (!accounts) return 1;
      printTable(o, accounts, [
        ['ID', (a) => a.id],
        ['PLATFORM', (a) => a.platform],
        ['NAME', (a) => a.name],
        ['CREDENTIALS', (a) => a.credentials.hint || '-'],
      ]);
      return 0;
    }
    case 'add': {
      const { values } = parseArgs({
        args: rest,
        options: {
          platform: { type: 'string' },
          name: { type: 'string' },
          'credentials-stdin': { type: 'boolean' },
          settings: { type: 'string' },
        },
      });
      const credentials = values['credentials-stdin']
        ? parseJson(readFileSync(0, 'utf8'), 'credentials on stdin')
        : {};
      const account = expectOk(
        o,
        await ws.call('accounts:add', {
          platform: values.platform ?? '',
          name: values.name ?? values.platform ?? '',
          credentials: credentials as Record<string, unknown>,
          ...(values.settings
            ? { settings: parseJson(values.settings, '--settings') as Record<string, unknown> }
            : {}),
        }),
      );
      if (!account) return 1;
      o.out(
        o.json
          ? JSON.stringify(account)
          : `Added ${account.platform} account "${account.name}", id ${account.id}.`,
      );
      return 0;
    }
    case 'remove': {
      if (!rest[0]) throw new UsageError('Name the account id.');
      if (!expectOk(o, await ws.call('accounts:remove', { id: rest[0] }))) return 1;
      o.out(o.json ? JSON.stringify({ removed: rest[0] }) : `Removed account ${rest[0]}.`);
      return 0;
    }
    default:
      throw new UsageError(accountsHelp);
  }
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError(`${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}
