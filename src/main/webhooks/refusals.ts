// Runs in: main (Electron-free). Owns: turning refused webhook calls into `webhook.refused` warning events, at
// most one per kind a minute: a public URL draws scanners, and the log must not drown in them.
import type { NewEvent } from '../events/event-log.js';
import type { Refusal } from './receiver.js';

export class RefusalLog {
  private readonly last = new Map<string, { at: number; unlogged: number }>();

  constructor(
    private readonly events: { append(...e: NewEvent[]): unknown },
    private readonly now: () => number,
  ) {}

  /** The event names the store and the reason only: never the payload nor a secret. */
  refused(r: Refusal): void {
    const key = `${r.status}:${r.kind ?? ''}:${r.storeId ?? ''}`;
    const now = this.now();
    const last = this.last.get(key);
    if (last && now - last.at < 60_000) {
      last.unlogged++;
      return;
    }
    const unlogged = last?.unlogged ?? 0;
    this.last.set(key, { at: now, unlogged: 0 });
    this.events.append({
      level: 'warn',
      type: 'webhook.refused',
      ...(r.storeId ? { storeId: r.storeId } : {}),
      message:
        `Refused a webhook call (${r.status}): ${r.reason}.` +
        (unlogged > 0 ? ` ${unlogged} more like it in the last minute were not logged.` : ''),
    });
  }
}
