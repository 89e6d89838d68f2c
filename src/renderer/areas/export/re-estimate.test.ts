// Runs in: vitest (pure). Owns: the export screen's re-estimate: debounced while choices change, and an answer
// to older choices never replaces the answer to the latest ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reestimator } from './re-estimate';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** An estimate whose answers the test releases by hand, in any order. */
function manualEstimate() {
  const calls: Array<{ input: string; resolve: (r: string) => void; reject: (e: unknown) => void }> = [];
  const estimate = (input: string) =>
    new Promise<string>((resolve, reject) => calls.push({ input, resolve, reject }));
  return { calls, estimate };
}

function setup(estimate: (input: string) => Promise<string>) {
  const seen = { results: [] as string[], errors: [] as unknown[], pending: [] as boolean[] };
  const r = new Reestimator(
    estimate,
    {
      pending: (p) => seen.pending.push(p),
      result: (x) => seen.results.push(x),
      error: (e) => seen.errors.push(e),
    },
    400,
  );
  return { r, seen };
}

describe('Reestimator', () => {
  it('asks once for a burst of changes, with the last choices, after they are left alone', async () => {
    const m = manualEstimate();
    const { r, seen } = setup(m.estimate);
    r.request('customers');
    await vi.advanceTimersByTimeAsync(200);
    r.request('customers,orders');
    await vi.advanceTimersByTimeAsync(200);
    r.request('customers,orders from 2024-01-01');
    await vi.advanceTimersByTimeAsync(399);
    expect(m.calls).toHaveLength(0);
    expect(seen.pending.at(-1)).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.calls.map((c) => c.input)).toEqual(['customers,orders from 2024-01-01']);
    m.calls[0]!.resolve('estimate A');
    await vi.runAllTimersAsync();
    expect(seen.results).toEqual(['estimate A']);
    expect(seen.pending.at(-1)).toBe(false);
  });

  it('drops an answer to older choices that arrives after the latest one was asked', async () => {
    const m = manualEstimate();
    const { r, seen } = setup(m.estimate);
    r.request('old');
    await vi.advanceTimersByTimeAsync(400);
    r.request('new');
    await vi.advanceTimersByTimeAsync(400);
    expect(m.calls.map((c) => c.input)).toEqual(['old', 'new']);
    m.calls[1]!.resolve('for new');
    await vi.runAllTimersAsync();
    m.calls[0]!.resolve('for old');
    await vi.runAllTimersAsync();
    expect(seen.results).toEqual(['for new']);
  });

  it('reports a failure of the latest choices, and nothing at all once cancelled', async () => {
    const m = manualEstimate();
    const { r, seen } = setup(m.estimate);
    r.request('a');
    await vi.advanceTimersByTimeAsync(400);
    m.calls[0]!.reject(new Error('BigCommerce answered 503'));
    await vi.runAllTimersAsync();
    expect(seen.errors).toHaveLength(1);

    r.request('b');
    await vi.advanceTimersByTimeAsync(400);
    r.request('c');
    r.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    m.calls[1]!.resolve('for b');
    await vi.runAllTimersAsync();
    expect(m.calls.map((c) => c.input)).toEqual(['a', 'b']);
    expect(seen.results).toEqual([]);
    expect(seen.pending.at(-1)).toBe(false);
  });
});
