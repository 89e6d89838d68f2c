// Runs in: Electron main. Owns: showing what the NotificationPolicy lets through as OS notifications and
// opening their deep link on click.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { DesktopNotification, NotificationPolicy } from '../desktop/notification-policy.js';

export interface NotificationDeps {
  Notification: { isSupported(): boolean } & (new (
    o: NotificationConstructorOptions,
  ) => Pick<Notification, 'show' | 'on'>);
  policy: NotificationPolicy;
  /** Parses and opens a storebridge:// link (the deep-link handler: focus the window, navigate). */
  openLink(link: string): void;
  now?: () => number;
}

/** Polls the policy on its own timer (re-armed to `nextDueAt`), shows what is due; `dispose()` stops it. */
export function startDesktopNotifications(deps: NotificationDeps) {
  const now = deps.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Electron keeps no reference: an unreferenced Notification can be collected before it is clicked.
  const live = new Set<object>();

  const show = (n: DesktopNotification) => {
    if (!deps.Notification.isSupported()) return;
    const note = new deps.Notification({ title: n.title, body: n.body, silent: false });
    live.add(note);
    note.on('click', () => deps.openLink(n.link));
    note.on('close', () => live.delete(note));
    note.show();
  };
  const tick = () => {
    timer = undefined;
    for (const n of deps.policy.due()) show(n);
    schedule();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    const at = deps.policy.nextDueAt();
    if (at !== undefined) timer = setTimeout(tick, Math.max(0, at - now()));
  };
  return {
    /** Call after `policy.report(...)` so a newly queued group gets a timer. */
    poke: schedule,
    dispose(): void {
      if (timer) clearTimeout(timer);
      live.clear();
    },
  };
}
