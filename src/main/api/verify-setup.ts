// Runs in: main (Electron-free). Owns: 'connections:verifySetup', the wizard's final "verify the setup": the
// connector's checks with the connection's own credentials and settings, then, only when the user agreed and
// every check passed, its round trip with a reserved test identity.
import type { ChannelOutput } from '../../shared/contract/index.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ConnectionService } from '../connections/connection-service.js';
import type { Clock } from '../core/clock.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { ConnectorContext, VerifyCheck } from '../engine/connector.js';

export interface VerifySetupDeps {
  accounts: AccountService;
  connections: ConnectionService;
  clock: Clock;
  logger?: Logger;
}

type Result = ChannelOutput<'connections:verifySetup'>;

const wire = (c: VerifyCheck): Result['checks'][number] => ({
  id: c.id,
  label: c.label,
  ok: c.ok,
  detail: c.detail,
  fix: c.ok ? null : (c.fix ?? null),
});

export async function verifySetup(
  d: VerifySetupDeps,
  input: { id: string; roundTrip: boolean },
): Promise<Result> {
  const conn = d.connections.get(input.id);
  const connector = d.accounts.connector(conn.platform);
  const ctx: ConnectorContext<unknown, unknown> = {
    credentials: await d.accounts.credentials(conn.accountId),
    settings: conn.settings,
    account: { id: conn.accountId, name: d.accounts.get(conn.accountId).name },
    clock: d.clock,
    logger: d.logger ?? silentLogger,
    signal: new AbortController().signal,
  };
  const checks = await connector.verify(ctx);
  let roundTrip: Result['roundTrip'] = 'not_requested';
  if (input.roundTrip && !connector.roundTrip) roundTrip = 'unavailable';
  else if (input.roundTrip && checks.some((c) => !c.ok)) {
    // A test record written through credentials that just failed a check would only fail the same way.
    roundTrip = 'not_run';
    checks.push({
      id: 'roundtrip',
      label: 'Test record round trip',
      ok: false,
      detail: 'not run: a check above failed',
      fix: 'Fix the failed checks above, then verify again.',
    });
  } else if (input.roundTrip && connector.roundTrip) {
    const steps = await connector.roundTrip(ctx);
    checks.push(...steps);
    roundTrip = steps.every((c) => c.ok) ? 'passed' : 'failed';
  }
  return {
    connectionId: conn.id,
    platform: conn.platform,
    ok: checks.every((c) => c.ok),
    checks: checks.map(wire),
    roundTrip,
    roundTripWrites: connector.roundTripWrites ?? null,
  };
}
