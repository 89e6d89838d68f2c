// Runs in: vitest (pure). Owns: what an export target's progress bar shows in each phase.
import { describe, expect, it } from 'vitest';
import { runFigures } from './run-figures';
import type { Target } from './export-store';

const estimate = {
  records: { customers: 60, orders: 40 },
  bigcommerceCalls: 4,
  platformCalls: 2,
  bigcommerceSeconds: 20,
  platformSeconds: 5,
  etaSeconds: 20,
  binding: 'bigcommerce' as const,
  basis: 'test',
};
const running: Target = {
  connectionId: 'c1',
  what: 'Acme → files',
  status: 'running',
  estimate,
  startedAt: 1_000,
};

describe('runFigures', () => {
  it('paces the reading phase by the estimate, counting down from when the run started', () => {
    const f = runFigures(running, { connectionId: 'c1', phase: 'extract' }, [], 6_000);
    expect(f).toMatchObject({ done: 0, total: 100, perSecond: null, etaSeconds: 15 });
  });

  it('measures delivery from the samples when main sends no rate', () => {
    const samples = [
      { at: 0, done: 0 },
      { at: 2_000, done: 20 },
    ];
    const f = runFigures(
      running,
      { connectionId: 'c1', phase: 'deliver', planned: 100, delivered: 20 },
      samples,
      0,
    );
    expect(f).toMatchObject({ done: 20, total: 100, perSecond: 10, etaSeconds: 8 });
  });

  it("prefers main's own rate and ETA, and shows the summary's counts once done", () => {
    const live = {
      connectionId: 'c1',
      phase: 'deliver' as const,
      planned: 100,
      delivered: 50,
      rate: 25,
      etaSeconds: 2,
    };
    expect(runFigures(running, live, [], 0)).toMatchObject({ perSecond: 25, etaSeconds: 2 });
    const summary = {
      connectionId: 'c1',
      extracted: 100,
      queued: 90,
      unchanged: 10,
      delivered: 90,
      retried: 0,
      dead: 0,
      state: 'drained' as const,
      startedAt: 0,
      finishedAt: 1,
    };
    expect(runFigures({ ...running, status: 'done', summary }, undefined, [], 0)).toMatchObject({
      done: 90,
      total: 90,
      etaSeconds: 0,
    });
  });
});
