// Runs in: main (Electron-free). Owns: what a new connection prepares on its platform as it is created, so the
// mapping step that follows finds its default fields: dotdigital's mapped data fields (`setup.ensureDataFields`,
// idempotent), with an event naming what was created. A failure never undoes the connection; it says what to do.
import type { AccountService } from '../accounts/account-service.js';
import type { ConnectionSummary } from '../connections/connection-service.js';
import type { EventLog } from '../events/event-log.js';

/** A connector that creates the platform-side fields its mapping writes (today: dotdigital). */
interface CreatesFields {
  setup?: {
    ensureDataFields?: (ctx: {
      credentials: unknown;
      settings: unknown;
      signal: AbortSignal;
    }) => Promise<string[]>;
  };
}

/** Long enough for a slow account, short enough that creating a connection never hangs on an unreachable one. */
const SETUP_TIMEOUT_MS = 20_000;

export async function prepareConnection(
  d: { accounts: AccountService; events: EventLog },
  conn: ConnectionSummary,
): Promise<void> {
  const connector = d.accounts.connector(conn.platform);
  const ensure = (connector as CreatesFields).setup?.ensureDataFields;
  if (!ensure) return;
  const where = { connectionId: conn.id, storeId: conn.storeId, platform: conn.platform };
  try {
    const created = await ensure({
      credentials: await d.accounts.credentials(conn.accountId),
      settings: conn.settings,
      signal: AbortSignal.timeout(SETUP_TIMEOUT_MS),
    });
    if (created.length > 0)
      d.events.append({
        ...where,
        level: 'info',
        type: 'connection.fields_created',
        message: `Created ${created.length} ${connector.label} data field(s) the field mapping writes: ${created.join(', ')}.`,
        payload: { fields: created },
      });
  } catch (err) {
    d.events.append({
      ...where,
      level: 'warn',
      type: 'connection.setup_failed',
      message: `Could not create the ${connector.label} data fields the field mapping needs: ${err instanceof Error ? err.message : String(err)}. Verify the setup to see which are missing.`,
    });
  }
}
