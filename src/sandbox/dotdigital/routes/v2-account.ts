// Runs in: Node (simulators). Owns: account information (answers on every region, naming the
// account's own ApiEndpoint so a client can find its region) and server time.
import type { SimContext } from '../gate.js';
import { type Add, ok } from './shared.js';

export function v2AccountRoutes(add: Add, ctx: SimContext, regionUrl: (region: string) => string): void {
  add(
    'GET',
    '/v2/account-info',
    'high',
    (_req, acct) =>
      ok({
        id: acct.store.accountId,
        properties: [
          { name: 'Name', type: 'String', value: 'Storebridge sandbox' },
          { name: 'MainEmail', type: 'String', value: acct.username },
          { name: 'ApiEndpoint', type: 'String', value: `${regionUrl(acct.option.region)}/` },
          { name: 'AvailableEmailSendsCredits', type: 'Int32', value: '10000' },
        ],
      }),
    true,
  );
  add('GET', '/v2/server-time', 'unlimited', () => ok(new Date(ctx.now()).toISOString()));
}
