// Runs in: main (Electron-free). Owns: what a finished sync says: the sentence the event log keeps and the
// figures the contract carries to the console and the CLI.
import type { ChannelOutput } from '../../shared/contract/index.js';
import type { DrainOutcome } from './deliver/drain.js';
import type { FanOutResult } from './pipeline/fan-out.js';
import type { SyncSummary } from './sync-engine.js';

/** "Retried" spent an attempt; a rate-limit wait did not, so it is its own figure. */
export function summarise(
  name: string,
  platformLabel: string,
  staged: number,
  plan: FanOutResult,
  d: DrainOutcome,
): string {
  const parts = [`"${name}": ${staged} change(s) read`, `${plan.queued} queued`, `${d.delivered} delivered`];
  if (plan.unchanged) parts.push(`${plan.unchanged} unchanged`);
  if (d.awaitingConfirmation)
    parts.push(
      `${d.awaitingConfirmation} submitted, awaiting ${platformLabel}'s confirmation; checked again on the next sync`,
    );
  if (d.deferredNote) parts.push(d.deferredNote);
  if (d.retried > d.rateLimited) parts.push(`${d.retried - d.rateLimited} to retry`);
  if (d.rateLimited) parts.push(`${d.rateLimited} waited for the rate limit`);
  if (d.dead) parts.push(`${d.dead} dead-lettered`);
  if (d.state === 'offline') parts.push('destination offline: the rest stays queued');
  if (d.state === 'cancelled') parts.push('cancelled');
  return parts.join(', ');
}

/** The engine's summary as `sync:start` answers it. */
export function toRunSummary(s: SyncSummary): ChannelOutput<'sync:start'> {
  return {
    connectionId: s.connectionId,
    extracted: s.extracted,
    queued: s.plan.queued,
    unchanged: s.plan.unchanged,
    delivered: s.delivery.delivered,
    retried: s.delivery.retried,
    rateLimited: s.delivery.rateLimited,
    awaitingConfirmation: s.delivery.awaitingConfirmation,
    platformLabel: s.platformLabel,
    ...(s.delivery.deferred
      ? {
          deferred: s.delivery.deferred,
          deferredUntil: s.delivery.deferredUntil,
          deferredNote: s.delivery.deferredNote,
        }
      : {}),
    dead: s.delivery.dead,
    state: s.delivery.state,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
  };
}
