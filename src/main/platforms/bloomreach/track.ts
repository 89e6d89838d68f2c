// Runs in: main (Electron-free). Owns: sending tracking jobs through the batch route, at most 50 commands a
// request, and reading every command's own result (a batch answered 200 can still hold failures).
import type { DeliveryJob, JobResult } from '../../engine/connector.js';
import { BrCallError, type BrClient } from './client.js';
import { commandFix, failed } from './outcome.js';
import type { Command, TrackPayload } from './payloads.js';

export const MAX_COMMANDS = 50;

interface Slot {
  job: DeliveryJob;
  command: Command;
}

interface JobState {
  errors: string[];
  result?: JobResult;
  /** Some of its commands already went in an answered request (a job of more than 50 commands). */
  partlySent?: boolean;
}

/** Events carry the historical flag so scenario triggers can leave history out. */
function withMarker(c: Command, historical: boolean, marker: string): Command {
  if (c.name !== 'customers/events') return c;
  const props = (c.data['properties'] ?? {}) as Record<string, unknown>;
  return { ...c, data: { ...c.data, properties: { ...props, [marker]: historical } } };
}

export interface TrackDeps {
  client: BrClient;
  marker: string;
}

/** Returns the results, or throws BrCallError('unreachable'|'lost') when nothing at all could be sent. */
export async function sendTracking(jobs: DeliveryJob[], d: TrackDeps): Promise<JobResult[]> {
  const state = new Map<number, JobState>(jobs.map((j) => [j.jobId, { errors: [] }]));
  const slots: Slot[] = jobs.flatMap((job) =>
    (job.payload as TrackPayload).commands.map((command) => ({
      job,
      command: withMarker(command, job.historical, d.marker),
    })),
  );
  const path = d.client.path('track', '/batch');
  const chunks = pack(slots);
  const first = chunks[0];
  for (const chunk of chunks) {
    const pending = chunk.filter((s) => !state.get(s.job.jobId)!.result);
    if (pending.length === 0) continue;
    try {
      const res = await d.client.call('POST', path, {
        commands: pending.map((s, i) => ({ ...s.command, command_id: String(i) })),
      });
      const results = (res.body as { results?: unknown })?.results;
      if (!Array.isArray(results))
        throw new BrCallError('server', 'the batch answer had no results list', res.status);
      pending.forEach((s, i) => {
        const r = (results.find((x) => (x as { command_id?: unknown })?.command_id === String(i)) ??
          results[i]) as { success?: unknown; errors?: unknown } | undefined;
        if (r?.success === true) return;
        const why = Array.isArray(r?.errors) ? r.errors.map(String).join('; ') : 'no result for this command';
        state.get(s.job.jobId)!.errors.push(commandFix(why));
      });
      for (const s of pending) state.get(s.job.jobId)!.partlySent = true;
    } catch (err) {
      if (!(err instanceof BrCallError)) throw err;
      const nothingSent = d.client.answered === 0 && chunk === first;
      if (nothingSent && (err.kind === 'unreachable' || isReset(err))) throw err;
      for (const s of pending) settle(state, s.job, err);
    }
  }
  return jobs.map((job) => {
    const st = state.get(job.jobId)!;
    if (st.result) return st.result;
    const label = (job.payload as TrackPayload).label;
    if (st.errors.length > 0)
      return {
        jobId: job.jobId,
        outcome: 'permanent',
        reason: `${label}: ${[...new Set(st.errors)].join('; ')}`,
      };
    return { jobId: job.jobId, outcome: 'ok' };
  });
}

function settle(state: Map<number, JobState>, job: DeliveryJob, e: BrCallError): void {
  const st = state.get(job.jobId)!;
  const r = failed(job, (job.payload as TrackPayload).label, e);
  // Part of it landed: the retry must spend an attempt, which is what makes it look up what arrived.
  st.result ??= r.outcome === 'rateLimited' && st.partlySent ? { ...r, outcome: 'retryable' } : r;
}

export const isReset = (e: BrCallError): boolean =>
  e.kind === 'lost' && /ECONNRESET|socket hang up|other side closed/i.test(e.message);

/** Requests of at most 50 commands that keep each job whole when it fits, so a lost request loses whole jobs. */
function pack(slots: Slot[]): Slot[][] {
  const chunks: Slot[][] = [];
  let current: Slot[] = [];
  const byJob = new Map<number, Slot[]>();
  for (const s of slots) byJob.set(s.job.jobId, [...(byJob.get(s.job.jobId) ?? []), s]);
  for (const own of byJob.values()) {
    if (current.length + own.length > MAX_COMMANDS && current.length > 0) {
      chunks.push(current);
      current = [];
    }
    for (const s of own) {
      if (current.length === MAX_COMMANDS) {
        chunks.push(current);
        current = [];
      }
      current.push(s);
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
