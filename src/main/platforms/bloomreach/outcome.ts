// Runs in: main (Electron-free). Owns: turning a failed call into the engine's result for one job, with the
// record's name and Bloomreach's own words.
import type { DeliveryJob, JobResult } from '../../engine/connector.js';
import type { BrCallError } from './client.js';

export function failed(job: DeliveryJob, label: string, e: BrCallError): JobResult {
  const jobId = job.jobId;
  switch (e.kind) {
    case 'rate':
      // Bloomreach discards a refused request's data: nothing landed, so no attempt is spent (a job split
      // across requests, partly landed, is made retryable by the tracking sender instead).
      return {
        jobId,
        outcome: 'rateLimited',
        reason: `${label}: ${e.message}`,
        ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
      };
    case 'unreachable':
    case 'server':
      return { jobId, outcome: 'retryable', reason: `${label}: ${e.message}` };
    case 'lost':
      return {
        jobId,
        outcome: 'retryable',
        reason: `${label}: the answer was lost (${e.message}); events are looked up before being sent again`,
        retryAfterMs: e.retryAfterMs,
      };
    case 'auth':
      return {
        jobId,
        outcome: 'permanent',
        reason: `${label}: ${e.message}. ${authFix(e.status, e.message)}`,
      };
    case 'client':
      return { jobId, outcome: 'permanent', reason: `${label}: ${e.message}` };
  }
}

export function authFix(status: number | undefined, message: string): string {
  if (/Invalid project id|Could not authenticate/.test(message))
    return 'Copy the project token again from Project settings → Access management → API, and check the API base URL is your instance’s.';
  if (status === 403 && /secret/i.test(message))
    return 'The API secret is wrong or was rotated more than 24 h ago: create a new secret in Access management → API and paste it.';
  if (status === 403)
    return 'Give the API group the permission this needs (Project settings → Access management → API → the group’s permissions).';
  return 'Check the API key ID (Project settings → Access management → API → Private access); it may have been revoked.';
}

/** Per-command failures in a 200 answer that are about permissions, said so the merchant can fix them. */
export function commandFix(message: string): string {
  if (/Not authorized to add event/i.test(message))
    return `${message} — allow Events > Set for this event type in the API group (or "New events").`;
  if (/Not authorized to update customer properties|No permission/i.test(message))
    return `${message} — allow Customer properties > Set in the API group (or "New properties").`;
  return message;
}
