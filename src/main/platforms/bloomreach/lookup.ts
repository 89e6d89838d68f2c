// Runs in: main (Electron-free). Owns: asking Bloomreach which of an event job's events already arrived, by
// the key every event carries (Bloomreach stores duplicates, so what landed must not be sent again).
import type { BrClient } from './client.js';
import { JOB_KEY, keyOf, stampKeys, type Command, type TrackPayload } from './payloads.js';

/** The job's event commands that Bloomreach does not hold yet. Reads see queued writes only once applied. */
export async function missingCommands(c: BrClient, p: TrackPayload): Promise<Command[]> {
  const commands = stampKeys(p);
  if (!p.lookup) return commands;
  const types = [
    ...new Set(
      commands.filter((x) => x.name === 'customers/events').map((x) => String(x.data['event_type'])),
    ),
  ];
  if (types.length === 0) return commands;
  const res = await c.call(
    'POST',
    c.path('data', '/customers/events'),
    { customer_ids: p.lookup.customerIds, event_types: types, order: 'desc', limit: 1_000 },
    [404],
  );
  const events = (res.body as { data?: Array<{ properties?: Record<string, unknown> }> })?.data ?? [];
  const present = new Set(events.map((e) => e.properties?.[JOB_KEY]).filter((k) => typeof k === 'string'));
  return commands.filter((x) => {
    const k = keyOf(x);
    return k === undefined || !present.has(k);
  });
}
