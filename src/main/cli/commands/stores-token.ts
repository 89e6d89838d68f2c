// Runs in: Node (CLI). Owns: `storebridge stores set-token`: a new token for a store already in the workspace,
// checked against the store before it replaces the keychain entry (the old one stays if it is refused).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Workspace } from '../../app/workspace.js';
import { expectOk, UsageError, type Output } from '../output.js';

export const storesTokenHelp = `  set-token <id|hash> [token source]    replace the store's token after the store accepts it; resumes
                                         connections held for re-authentication (token source as for add)`;

/** The token from --token-stdin, STOREBRIDGE_TOKEN or --token, in that order of preference. */
export function tokenFrom(values: { token?: string; 'token-stdin'?: boolean }): string | undefined {
  return values['token-stdin']
    ? readFileSync(0, 'utf8').split(/\r?\n/)[0]!.trim()
    : (values.token ?? process.env.STOREBRIDGE_TOKEN);
}

export async function storesSetToken(
  ws: Workspace,
  o: Output,
  rest: string[],
  findStore: (ref: string | undefined) => string,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { token: { type: 'string' }, 'token-stdin': { type: 'boolean' } },
  });
  const accessToken = tokenFrom(values);
  if (!accessToken)
    throw new UsageError('stores set-token needs a token: --token-stdin, STOREBRIDGE_TOKEN or --token');
  const r = expectOk(o, await ws.call('stores:updateToken', { id: findStore(positionals[0]), accessToken }));
  if (!r) return 1;
  if (o.json) o.out(JSON.stringify(r));
  else {
    o.out(`Replaced the token of "${r.store.name}" (${r.store.credentials.hint}); the store accepted it.`);
    if (r.resumed.length) o.out(`Resumed: ${r.resumed.map((c) => c.name).join(', ')}.`);
  }
  return 0;
}
