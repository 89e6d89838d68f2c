// Runs in: main (Electron-free). Owns: asking Bloomreach whether an event job already arrived, by the job key
// every event carries (Bloomreach stores duplicates, so an attempt whose answer was lost must not repeat).
import type { BrClient } from './client.js';
import { JOB_KEY, type TrackPayload } from './payloads.js';

/** True when an event with this job's key is stored. Reads see queued writes only once Bloomreach applied them. */
export async function alreadyDelivered(c: BrClient, p: TrackPayload): Promise<boolean> {
  if (!p.lookup) return false;
  const res = await c.call(
    'POST',
    c.path('data', '/customers/events'),
    { customer_ids: p.lookup.customerIds, event_types: [p.lookup.eventType], order: 'desc', limit: 500 },
    [404],
  );
  const events = (res.body as { data?: Array<{ properties?: Record<string, unknown> }> })?.data ?? [];
  return events.some((e) => e.properties?.[JOB_KEY] === p.lookup!.key);
}
