// Runs in: vitest. Owns: the dashboard's ring buffer: bounded, oldest out first; delivered counted once per
// progress report and again from zero for a new run.
import { expect, it } from 'vitest';
import { CAPACITY, deliveredBetween, pushRing, useMetrics } from './metrics-store';
import type { ConnectionStatus } from './status-store';

const p = (delivered?: number) => ({ connectionId: 'c1', phase: 'deliver' as const, delivered });

it('keeps the latest CAPACITY samples, oldest dropped first', () => {
  let ring: number[] = [];
  for (let i = 0; i < CAPACITY + 5; i++) ring = pushRing(ring, i);
  expect(ring).toHaveLength(CAPACITY);
  expect(ring[0]).toBe(5);
  expect(ring[ring.length - 1]).toBe(CAPACITY + 4);
});

it('counts what was delivered between reports, and a new run from zero', () => {
  expect(deliveredBetween(undefined, p(40))).toBe(40);
  expect(deliveredBetween(p(40), p(90))).toBe(50);
  expect(deliveredBetween(p(90), p(10))).toBe(10);
  expect(deliveredBetween(p(10), p(undefined))).toBe(0);
});

it('turns deliveries between two polls into a per-minute rate and sums the queues', () => {
  const st = (queued: number, dead: number) =>
    ({ queue: { queued, leased: 1, submitted: 0, dead, nextRunAt: null } }) as ConnectionStatus;
  const m = useMetrics.getState();
  m.add([st(3, 0)], 0);
  m.progressed(undefined, p(30));
  m.progressed(p(30), p(60));
  m.add([st(2, 1), st(0, 0)], 30_000);
  const [first, second] = useMetrics.getState().samples;
  expect(first).toMatchObject({ queued: 4, delivered: 0, perMinute: 0 });
  expect(second).toMatchObject({ queued: 4, dead: 1, delivered: 60, perMinute: 120 });
  expect(useMetrics.getState().pending).toBe(0);
});
