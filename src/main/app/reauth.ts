// Runs in: main (Electron-free). Owns: holding a connection whose credentials were refused (a revoked
// BigCommerce token, a platform key that stopped working): its scheduled syncs pause, with one error event that
// says what to do, instead of calling again with the same refused credentials every interval. The hold is
// recorded apart from the user's pause, so lifting it (a new store token) never undoes a pause the user chose.
import type { ConnectionService, HoldReason } from '../connections/connection-service.js';
import type { Scheduler } from '../engine/scheduler.js';
import type { EventLog } from '../events/event-log.js';

export interface ReauthDeps {
  connections: Pick<ConnectionService, 'get' | 'hold'>;
  scheduler: Pick<Scheduler, 'refresh'>;
  events: Pick<EventLog, 'append'>;
}

/** BigCommerce's refusal of the store's token (bigcommerce/http-errors.ts), as opposed to a platform's key. */
const STORE_TOKEN_REFUSED = /BigCommerce rejected the access token of store/;

/** True when `err` refused the credentials and the connection is now held; false for any other failure. */
export function holdForReauth(d: ReauthDeps, connectionId: string, err: unknown): boolean {
  // Duck-typed: an error that crossed from the engine worker is no longer an AppError instance.
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e?.code !== 'unauthorized') return false;
  let c: ReturnType<ConnectionService['get']>;
  try {
    c = d.connections.get(connectionId);
  } catch {
    return false; // removed while it ran
  }
  const reason: HoldReason = STORE_TOKEN_REFUSED.test(String(e.message))
    ? 'store_token'
    : 'platform_credentials';
  d.connections.hold(connectionId, reason);
  d.scheduler.refresh(); // drops the run planned for it
  d.events.append({
    level: 'error',
    type: 'connection.reauth',
    storeId: c.storeId,
    connectionId,
    platform: c.platform,
    message:
      `${String(e.message)} Scheduled syncs of "${c.name}" are paused so the refused credentials are not ` +
      'sent again: fix them, then resume the connection.',
  });
  return true;
}
