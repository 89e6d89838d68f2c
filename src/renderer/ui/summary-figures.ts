// Runs in: renderer. Owns: the figures a finished sync shows and the sentences about what the platform has
// not confirmed yet, as plain functions of the contract's summary and progress (the grid only lays them out).
import type { ChannelOutput, EventPayload } from '../../shared/contract/index';

type SyncSummary = ChannelOutput<'sync:start'>;
type SyncProgress = EventPayload<'sync:progress'>;

export interface SummaryFigure {
  /** Stable for tests and screen readers' landmarks: `summary-<key>`. */
  key: string;
  label: string;
  value: number | string;
}

export function summaryFigures(s: SyncSummary): SummaryFigure[] {
  const rateLimited = s.rateLimited ?? 0;
  return [
    { key: 'read', label: 'read from BigCommerce', value: s.extracted },
    { key: 'queued', label: 'queued', value: s.queued },
    { key: 'unchanged', label: 'unchanged', value: s.unchanged },
    { key: 'delivered', label: 'delivered', value: s.delivered },
    { key: 'awaiting', label: 'submitted, awaiting confirmation', value: s.awaitingConfirmation ?? 0 },
    { key: 'deferred', label: 'deferred by the platform', value: s.deferred ?? 0 },
    // The engine counts rate-limit waits among the retries; here a retry is one that spent an attempt.
    { key: 'retried', label: 'retried', value: Math.max(0, s.retried - rateLimited) },
    { key: 'waited', label: 'waited for rate limit', value: rateLimited },
    { key: 'dead', label: 'dead letters', value: s.dead },
    { key: 'seconds', label: 'seconds', value: ((s.finishedAt - s.startedAt) / 1000).toFixed(1) },
  ];
}

/**
 * What the run leaves with the platform: neither delivered nor lost. Submitted work awaits its confirmation;
 * deferred work the platform only takes later (e.g. an hourly allowance). Null when nothing is left with it.
 */
export function awaitingNote(s: SyncSummary): string | null {
  const who = s.platformLabel ?? 'the platform';
  const notes: string[] = [];
  const n = s.awaitingConfirmation ?? 0;
  if (n > 0) notes.push(`${n} submitted, awaiting ${who}'s confirmation; checked again on the next sync.`);
  const deferred = s.deferred ?? 0;
  if (deferred > 0) notes.push(s.deferredNote ?? `${deferred} deferred by ${who}; sent when it allows.`);
  return notes.length ? notes.join(' ') : null;
}

/** The live line while a run waits for the platform: "awaiting confirmation from dotdigital: 12". */
export function awaitingProgress(p: SyncProgress | undefined): string | null {
  const n = p?.awaitingConfirmation ?? 0;
  if (n === 0) return null;
  return `awaiting confirmation from ${p?.platformLabel ?? 'the platform'}: ${n}`;
}
