// Runs in: vitest (Node). Owns: the line `storebridge sync` prints when a run ends.
import { expect, it } from 'vitest';
import { syncLine } from './sync.js';

const base = {
  connectionId: 'c',
  extracted: 10,
  queued: 8,
  unchanged: 0,
  delivered: 5,
  retried: 3,
  dead: 0,
  state: 'drained' as const,
  startedAt: 0,
  finishedAt: 1,
};

it('keeps rate-limit waits out of the retries and says what awaits the platform', () => {
  expect(syncLine({ ...base, rateLimited: 2, awaitingConfirmation: 4, platformLabel: 'dotdigital' })).toBe(
    '10 change(s) read, 8 queued, 5 delivered, 4 submitted, awaiting dotdigital' +
      "'s confirmation (checked again on the next sync), 1 to retry, 2 waited for the rate limit, 0 dead-lettered",
  );
});

it("names work the platform deferred in the connector's words", () => {
  const note = "5 enrolments deferred by dotdigital's hourly limit, sent after 2026-01-05 11:00 UTC";
  expect(syncLine({ ...base, deferred: 5, deferredNote: note })).toBe(
    `10 change(s) read, 8 queued, 5 delivered, ${note}, 3 to retry, 0 dead-lettered`,
  );
});

it('says an offline destination keeps the rest queued', () => {
  expect(syncLine({ ...base, state: 'offline' })).toBe(
    '10 change(s) read, 8 queued, 5 delivered, 3 to retry, 0 dead-lettered (destination offline: the rest stays queued)',
  );
});
