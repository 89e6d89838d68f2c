// Runs in: main (Electron-free). Owns: the console's life on the desktop, decided without Electron: the tray
// state and the attention conditions from the workspace's statuses, what tray actions and links do, and the
// quit order (syncs finish their batch, then storage closes). src/main/shell/desktop.ts draws it with Electron.
import type { Workspace } from '../app/workspace.js';
import type { Navigate } from '../../shared/contract/app.js';
import type { Clock } from '../core/clock.js';
import { subjectOf, type AttentionEvent } from './attention.js';
import { parseDeepLink, type DeepLinkTarget } from './deep-link.js';
import { NotificationPolicy, type NotificationPolicyOptions } from './notification-policy.js';
import { QuitSequence, type QuitOptions } from './quit-sequence.js';
import { attentionNow, trayStores, type HealthConnection } from './store-health.js';
import type { TrayAction, TrayState } from './tray-menu.js';
import { WorkTracker } from './work-tracker.js';

export type SessionWorkspace = Pick<Workspace, 'call' | 'bus' | 'scheduler' | 'desktopSettings' | 'shutdown'>;

export interface DesktopSessionOptions {
  workspace: SessionWorkspace;
  clock: Clock;
  /** How often statuses are re-read when nothing happens (events also trigger a refresh). */
  pollMs?: number;
  policy?: Omit<NotificationPolicyOptions, 'clock' | 'storeName'>;
  quit?: QuitOptions;
  /** Bring the window forward (creating it if needed). */
  showWindow(): void;
  /** The quit sequence finished: exit the process. */
  exit?(): void;
}

/** How long a switched-off hook stays a condition (the policy groups and rate-limits within it). */
const HOOK_CONDITION_MS = 30 * 60_000;

const QUIET_EVENTS =
  /^(sync\.(finished|failed|cancelled)|connection\.unreachable|delivery\.(dead|recovered))$/;

export class DesktopSession {
  readonly work = new WorkTracker();
  readonly policy: NotificationPolicy;
  readonly quit: QuitSequence;
  private tray: TrayState = { stores: [], allPaused: false, quitting: false };
  private readonly trayListeners = new Set<(s: TrayState) => void>();
  private readonly attentionListeners = new Set<() => void>();
  private readonly offlineSince = new Map<string, number>();
  private readonly hooksOff = new Map<string, { event: AttentionEvent; at: number }>();
  private reported = new Map<string, AttentionEvent>();
  private names = new Map<string, string>();
  private connectionIds: string[] = [];
  private timer?: ReturnType<typeof setInterval>;
  private pending?: ReturnType<typeof setTimeout>;
  private refreshing?: Promise<void>;
  private readonly offs: Array<() => void> = [];
  private readonly disposers: Array<() => void> = [];

  constructor(private readonly o: DesktopSessionOptions) {
    this.policy = new NotificationPolicy({
      ...o.policy,
      clock: o.clock,
      storeName: (id) => this.names.get(id) ?? 'A store',
    });
    this.quit = new QuitSequence(
      {
        work: this.work,
        stopClaiming: () => this.stopClaiming(),
        dispose: () => this.dispose(),
        // Waits for the engine worker to stop after its batch before the databases close.
        closeStorage: () => o.workspace.shutdown(),
      },
      { ...o.quit, onStep: (step) => o.quit?.onStep?.(step) },
    );
    this.applyMutes();
  }

  /** Starts polling and listening; returns once the first state is known. */
  async start(): Promise<void> {
    const ws = this.o.workspace;
    this.offs.push(
      ws.bus.on('connections:changed', () => this.soon()),
      ws.bus.on('stores:changed', () => this.soon()),
      ws.bus.on('events:appended', ({ events }) => {
        for (const e of events) this.noteHookEvent(e.type, e.storeId, e.payload);
        if (events.some((e) => QUIET_EVENTS.test(e.type) || e.type.startsWith('webhook.'))) this.soon();
      }),
      ws.desktopSettings.onChange(() => {
        this.applyMutes();
        this.soon();
      }),
    );
    this.timer = setInterval(() => void this.refresh(), this.o.pollMs ?? 15_000);
    this.timer.unref?.();
    await this.refresh();
  }

  trayState(): TrayState {
    return this.tray;
  }

  onTray(listener: (s: TrayState) => void): () => void {
    this.trayListeners.add(listener);
    return () => this.trayListeners.delete(listener);
  }

  /** Something new may be due in the policy (the shell's notification timer re-arms). */
  onAttention(listener: () => void): () => void {
    this.attentionListeners.add(listener);
    return () => this.attentionListeners.delete(listener);
  }

  /** Runs when quitting disposes the session (the shell's tray, timers and listeners). */
  addDisposer(fn: () => void): void {
    this.disposers.push(fn);
  }

  /** Re-reads every status; concurrent callers share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.read().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async act(action: TrayAction): Promise<void> {
    const ws = this.o.workspace;
    switch (action.type) {
      case 'open':
        return this.o.showWindow();
      case 'open-link':
        this.openLink(action.link);
        return;
      case 'pause-all':
        for (const id of this.connectionIds) await ws.call('connections:pause', { id });
        break;
      case 'resume-all':
        for (const id of this.connectionIds) await ws.call('connections:resume', { id });
        break;
      case 'sync-now':
        // Each run is paced by its own limits; the scheduler joins a run already in progress.
        for (const id of this.connectionIds) void ws.scheduler.syncNow(id).catch(() => undefined);
        break;
      case 'quit':
        await this.requestQuit();
        return;
    }
    await this.refresh();
  }

  /** A storebridge:// link (notification click, tray item, OS): focus the window, open the screen. */
  openLink(link: string): boolean {
    const parsed = parseDeepLink(link);
    if (!parsed.ok) return false;
    this.open(parsed.target);
    return true;
  }

  open(target: DeepLinkTarget): void {
    this.o.showWindow();
    this.o.workspace.bus.emit('app:navigate', navigationFor(target));
  }

  /** Quit from anywhere (tray, window, OS): the same sequence once, then `exit`. */
  async requestQuit(): Promise<void> {
    if (!this.quit.started) this.setTray({ ...this.tray, quitting: true });
    await this.quit.run();
    this.o.exit?.();
  }

  private async read(): Promise<void> {
    const ws = this.o.workspace;
    const stores = await ws.call('stores:list');
    const conns = await ws.call('connections:list', {});
    if (!stores.ok || !conns.ok) return; // storage closing: keep the last state
    this.names = new Map(stores.value.map((s) => [s.id, s.name]));
    this.connectionIds = conns.value.map((c) => c.id);
    const health: HealthConnection[] = [];
    for (const c of conns.value) {
      const status = await ws.call('connections:status', { id: c.id });
      health.push({ ...c, ...(status.ok ? { status: status.value } : {}) });
    }
    const allPaused = conns.value.length > 0 && conns.value.every((c) => c.paused);
    this.setTray({ ...this.tray, stores: trayStores(stores.value, health), allPaused });
    this.reportAttention([
      ...attentionNow(health, this.o.clock.now(), this.offlineSince),
      ...this.hookConditions(),
    ]);
  }

  private reportAttention(now: AttentionEvent[]): void {
    const settings = this.o.workspace.desktopSettings.get();
    const next = new Map(now.map((e) => [conditionOf(e), e]));
    for (const [key, e] of this.reported)
      if (!next.has(key)) this.policy.resolve(e.kind, e.storeId, subjectOf(e));
    this.reported = next;
    if (!settings.notifications) return;
    let queued = false;
    for (const e of now) if (this.policy.report(e) === 'queued') queued = true;
    if (queued) for (const l of this.attentionListeners) l();
  }

  /**
   * BigCommerce switching a hook off is only visible in the event log: the webhook health check turns it
   * back on at once and writes `webhook.reenabled`, but the person should still hear that deliveries to
   * their public URL kept failing. The condition is held long enough to be told, then lapses.
   */
  private noteHookEvent(type: string, storeId: string | null, payload: unknown): void {
    if (!storeId || !/^webhook\.(reenabled|disabled|deactivated)$/.test(type)) return;
    const raw = (payload as { scope?: unknown } | null)?.scope;
    const scope = typeof raw === 'string' ? raw : 'hooks';
    this.hooksOff.set(`${storeId}:${scope}`, {
      event: { kind: 'webhook-disabled', storeId, scope },
      at: this.o.clock.now(),
    });
  }

  private hookConditions(): AttentionEvent[] {
    const now = this.o.clock.now();
    for (const [key, h] of this.hooksOff) if (now - h.at > HOOK_CONDITION_MS) this.hooksOff.delete(key);
    return [...this.hooksOff.values()].map((h) => h.event);
  }

  private applyMutes(): void {
    const muted = new Set(this.o.workspace.desktopSettings.get().mutedStores);
    for (const id of this.names.keys()) if (!muted.has(id)) this.policy.unmute(id);
    for (const id of muted) this.policy.mute(id);
  }

  private setTray(s: TrayState): void {
    this.tray = s;
    for (const l of this.trayListeners) l(s);
  }

  /** Events come in bursts: one re-read a moment later answers them all. */
  private soon(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.refresh();
    }, 500);
    this.pending.unref?.();
  }

  private stopClaiming(): void {
    const ws = this.o.workspace;
    // Registered before the tracker stops accepting: the drain waits (bounded) for runs to finish the batch
    // they are delivering; the engine checks for cancellation only between batches, so nothing is cut.
    void this.work
      .run('syncs finishing their batch', async (signal) => {
        const list = await ws.call('connections:list', {});
        const ids = list.ok ? list.value.map((c) => c.id) : [];
        for (const connectionId of ids) await ws.call('sync:cancel', { connectionId });
        await ws.scheduler.dispose();
        // Runs started from the console (Sync now, historical) are not the scheduler's: wait for them too.
        while (!signal.aborted && (await anyRunning(ws, ids))) await pause(100);
      })
      .catch(() => undefined);
  }

  private dispose(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.pending) clearTimeout(this.pending);
    for (const off of this.offs.splice(0)) off();
    for (const fn of this.disposers.splice(0)) fn();
    this.trayListeners.clear();
    this.attentionListeners.clear();
  }
}

async function anyRunning(ws: SessionWorkspace, ids: string[]): Promise<boolean> {
  for (const id of ids) {
    const st = await ws.call('connections:status', { id });
    if (st.ok && st.value.running) return true;
  }
  return false;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function conditionOf(e: AttentionEvent): string {
  return `${e.kind}:${e.storeId}:${subjectOf(e)}`;
}

export function navigationFor(target: DeepLinkTarget): Navigate {
  switch (target.screen) {
    case 'store':
      return { area: 'stores', storeId: target.storeId };
    case 'connection':
      return { area: 'connections', connectionId: target.connectionId };
    case 'events':
      return { area: 'events', record: target.record };
  }
}
