// Runs in: renderer. Owns: one health word per connection, from its summary, status and live progress, so
// the dashboard and the connections list say the same thing.
import type { ConnectionStatus, SyncProgress } from '../../state/status-store';
import type { ConnectionSummary } from '../../state/workspace-store';

export type HealthKind =
  'live' | 'syncing' | 'offline' | 'reauth' | 'failing' | 'paused' | 'never' | 'unknown';

export interface Health {
  kind: HealthKind;
  label: string;
  color: string;
  detail?: string;
}

export function healthOf(
  c: ConnectionSummary,
  status: ConnectionStatus | undefined,
  progress: SyncProgress | undefined,
  syncing: boolean,
): Health {
  if (c.heldFor)
    return {
      kind: 'reauth',
      label: 'needs re-authentication',
      color: 'red',
      detail:
        c.heldFor === 'store_token'
          ? "BigCommerce refused the store's API token: replace it in Stores"
          : 'The platform refused its credentials: reconnect the account in Connections',
    };
  if (c.paused) return { kind: 'paused', label: 'paused', color: 'gray' };
  if (syncing || status?.running || (progress && progress.phase !== 'done'))
    return { kind: 'syncing', label: 'syncing', color: 'blue', detail: progress?.phase };
  if (!status) return { kind: 'unknown', label: 'checking…', color: 'gray' };
  if (status.destination === 'offline')
    return {
      kind: 'offline',
      label: `offline, ${status.queue.queued} queued`,
      color: 'orange',
      detail: status.lastError ?? undefined,
    };
  const failedLast =
    status.lastError !== null &&
    (status.lastOk === null || (status.lastRunFinished ?? 0) > (status.lastOk ?? 0));
  if (failedLast) return { kind: 'failing', label: 'failing', color: 'red', detail: status.lastError ?? '' };
  if (status.lastOk === null) return { kind: 'never', label: 'not synced yet', color: 'gray' };
  return { kind: 'live', label: 'live', color: 'green' };
}

export function ago(ms: number | null | undefined, now = Date.now()): string {
  if (!ms) return 'never';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(ms).toLocaleDateString();
}
