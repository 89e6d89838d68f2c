// Runs in: main (Electron-free). Owns: which attention events become desktop notifications: thresholds,
// grouping per kind and store, a rate limit, per-store mutes, and one notification per ongoing condition.
import type { Clock } from '../core/clock.js';
import { describeGroup, subjectOf, type AttentionEvent, type AttentionKind } from './attention.js';

export interface NotificationPolicyOptions {
  clock: Clock;
  /** Dead letters on a connection before anyone is told. */
  deadLetterThreshold?: number;
  /** How long a destination must be unreachable before it is worth a notification. */
  offlineAfterMs?: number;
  /** Events of one kind and store arriving this close together become one notification. */
  groupWindowMs?: number;
  /** At most this many notifications in any `rateWindowMs`; the rest wait (and keep merging). */
  maxPerWindow?: number;
  rateWindowMs?: number;
  storeName?: (storeId: string) => string;
}

export interface DesktopNotification {
  /** `kind:storeId`: the OS may replace an earlier notification with the same tag. */
  key: string;
  kind: AttentionKind;
  storeId: string;
  subjects: string[];
  title: string;
  body: string;
  /** The screen to open on click: `storebridge://connections/<id>` or `storebridge://stores/<id>`. */
  link: string;
  at: number;
}

export type ReportOutcome = 'queued' | 'merged' | 'below-threshold' | 'muted' | 'duplicate';

interface Pending {
  kind: AttentionKind;
  storeId: string;
  subjects: string[];
  firstAt: number;
}

export class NotificationPolicy {
  private readonly o: Required<Omit<NotificationPolicyOptions, 'storeName'>> &
    Pick<NotificationPolicyOptions, 'storeName'>;
  private readonly pending = new Map<string, Pending>();
  /** Conditions already told (or waiting to be): reported again, they stay quiet until resolved. */
  private readonly active = new Set<string>();
  private readonly mutes = new Map<string, number>();
  private sent: number[] = [];

  constructor(options: NotificationPolicyOptions) {
    this.o = {
      deadLetterThreshold: 10,
      offlineAfterMs: 15 * 60_000,
      groupWindowMs: 10_000,
      maxPerWindow: 4,
      rateWindowMs: 10 * 60_000,
      ...options,
    };
  }

  report(e: AttentionEvent): ReportOutcome {
    const now = this.o.clock.now();
    if (this.isMuted(e.storeId, now)) return 'muted';
    if (e.kind === 'dead-letters' && e.count < this.o.deadLetterThreshold) return 'below-threshold';
    if (e.kind === 'destination-offline' && now - e.since < this.o.offlineAfterMs) return 'below-threshold';
    const subject = subjectOf(e);
    const condition = conditionKey(e.kind, e.storeId, subject);
    if (this.active.has(condition)) return 'duplicate';
    this.active.add(condition);
    const key = `${e.kind}:${e.storeId}`;
    const group = this.pending.get(key);
    if (group) {
      group.subjects.push(subject);
      return 'merged';
    }
    this.pending.set(key, { kind: e.kind, storeId: e.storeId, subjects: [subject], firstAt: now });
    return 'queued';
  }

  /** The condition cleared (signed in, dead letters replayed, destination back, hook re-enabled). */
  resolve(kind: AttentionKind, storeId: string, subject: string): void {
    this.active.delete(conditionKey(kind, storeId, subject));
    const key = `${kind}:${storeId}`;
    const group = this.pending.get(key);
    if (!group) return;
    // Gone before anyone was told: nobody needs to hear about it.
    group.subjects = group.subjects.filter((s) => s !== subject);
    if (group.subjects.length === 0) this.pending.delete(key);
  }

  /** Mutes a store (until `untilMs`, or until unmuted); what was waiting for it is dropped. */
  mute(storeId: string, untilMs = Infinity): void {
    this.mutes.set(storeId, untilMs);
    for (const [key, g] of this.pending) {
      if (g.storeId !== storeId) continue;
      this.pending.delete(key);
      // Not told, so not active: after the mute a condition still present is reported afresh.
      for (const s of g.subjects) this.active.delete(conditionKey(g.kind, g.storeId, s));
    }
  }

  unmute(storeId: string): void {
    this.mutes.delete(storeId);
  }

  /** Notifications to show now: groups whose window has closed, oldest first, as the rate limit allows. */
  due(): DesktopNotification[] {
    const now = this.o.clock.now();
    this.sent = this.sent.filter((t) => t > now - this.o.rateWindowMs);
    const ready = [...this.pending.entries()]
      .filter(([, g]) => now - g.firstAt >= this.o.groupWindowMs)
      .sort((a, b) => a[1].firstAt - b[1].firstAt);
    const out: DesktopNotification[] = [];
    for (const [key, g] of ready) {
      if (this.sent.length >= this.o.maxPerWindow) break;
      this.pending.delete(key);
      this.sent.push(now);
      const name = this.o.storeName?.(g.storeId) ?? g.storeId;
      out.push({
        key,
        kind: g.kind,
        storeId: g.storeId,
        subjects: g.subjects,
        at: now,
        ...describeGroup(g.kind, g.storeId, name, g.subjects),
      });
    }
    return out;
  }

  /** When `due()` may next have something (for the owner's timer), or undefined when nothing waits. */
  nextDueAt(): number | undefined {
    if (this.pending.size === 0) return undefined;
    const groupReady = Math.min(...[...this.pending.values()].map((g) => g.firstAt + this.o.groupWindowMs));
    const oldest = this.sent[0];
    const roomAt =
      this.sent.length >= this.o.maxPerWindow && oldest !== undefined ? oldest + this.o.rateWindowMs : 0;
    return Math.max(groupReady, roomAt);
  }

  waiting(): number {
    return this.pending.size;
  }

  private isMuted(storeId: string, now: number): boolean {
    const until = this.mutes.get(storeId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.mutes.delete(storeId);
    return false;
  }
}

function conditionKey(kind: AttentionKind, storeId: string, subject: string): string {
  return `${kind}|${storeId}|${subject}`;
}
