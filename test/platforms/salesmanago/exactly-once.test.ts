// Runs in: vitest. Owns: effectively-once external events: an event whose answer was lost is not sent again
// (its mark landed on the contact in the same call), and resolveInDoubt tells arrived events from unsent
// ones, also for a contact whose marks outgrew the property's length.
import { describe, expect, it } from 'vitest';
import type { DeliveryJob } from '../../../src/main/engine/connector.js';
import { drainConnection } from '../../../src/main/engine/deliver/drain.js';
import { MAX_MARKS_CHARS } from '../../../src/main/platforms/salesmanago/event-marks.js';
import { EVENTS_PROPERTY } from '../../../src/main/platforms/salesmanago/payloads.js';
import { order, staged } from './fixtures.js';
import { startHarness } from './harness.js';

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const purchases = (h: Awaited<ReturnType<typeof startHarness>>) =>
  h.sim.events().filter((e) => e.contactExtEventType === 'PURCHASE');

describe('SALESmanago external events, effectively once', () => {
  it('an event applied after the client gave up waiting is not sent again on retry', async () => {
    const h = await startHarness({ timeoutMs: 250, catalog: false });
    h.enqueue([staged('orders', 501, order(501, 0, 'late@example.com'), { historical: false })]);
    // SALESmanago applies the call 600 ms in, after the connector's 250 ms timeout: the answer is lost.
    await h.ctl.fault({ kind: 'slow', delayMs: 600, count: 1, pathIncludes: 'integration/upsert' });
    await drainConnection(h.rt, h.deps, new AbortController().signal);
    expect(h.stats()).toMatchObject({ queued: 1 });
    await until(() => purchases(h).length === 1);
    await h.settle();
    expect(h.stats()).toMatchObject({ queued: 0, dead: 0 });
    expect(purchases(h).map((e) => e.externalId)).toEqual(['501']);
  });

  it('resolveInDoubt: arrived events are delivered, unsent ones unknown, beyond the marks length too', async () => {
    const h = await startHarness({ catalog: false });
    const records = Array.from({ length: 60 }, (_, i) =>
      staged('orders', 7001 + i, order(7001 + i, 0, 'many@example.com')),
    );
    h.enqueue(records);
    await h.settle();
    expect(purchases(h)).toHaveLength(60);
    const marks = h.sim.contact('many@example.com')?.properties[EVENTS_PROPERTY] ?? '';
    expect(marks.length).toBeLessThanOrEqual(MAX_MARKS_CHARS);
    expect(marks.split(' ').length, 'older marks were dropped').toBeLessThan(60);

    const unsent = [
      staged('orders', 9001, order(9001, 0, 'many@example.com')),
      staged('orders', 9002, order(9002, 0, 'nobody@example.com')),
    ];
    let jobId = 0;
    const jobs: DeliveryJob[] = h
      .plan([...records, ...unsent])
      .filter((p) => p.kind === 'event')
      .map((p) => ({ ...p, jobId: ++jobId, attempts: 2, historical: true }));
    const verdicts = await h.connector.resolveInDoubt!(jobs, h.ctx);
    const delivered = jobs.filter((j) => verdicts.get(j.jobId) === 'delivered').map((j) => j.entityId);
    expect(delivered).toEqual(records.map((r) => r.id));
    expect(verdicts.size).toBe(62);
  });
});
