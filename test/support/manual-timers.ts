// Runs in: vitest. Owns: timers driven by a ManualClock: moving time fires what fell due, in order, and a
// "sleep" moves the clock without firing anything until the machine wakes.
import type { ManualClock } from '../../src/main/core/clock.js';

interface Pending {
  at: number;
  fn: () => void;
}

/** Lets promise chains started by a fired timer run before the next one fires. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

export class ManualTimers {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly clock: ManualClock) {}

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.clock.now() + Math.max(0, ms), fn });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  get size(): number {
    return this.pending.size;
  }

  /** When each pending timer fires, earliest first. */
  dueTimes(): number[] {
    return [...this.pending.values()].map((p) => p.at).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, at its own time. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    for (;;) {
      await settle();
      const next = [...this.pending.entries()]
        .filter(([, p]) => p.at <= end)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next) break;
      this.pending.delete(next[0]);
      if (next[1].at > this.clock.now()) this.clock.advance(next[1].at - this.clock.now());
      next[1].fn();
    }
    if (end > this.clock.now()) this.clock.advance(end - this.clock.now());
    await settle();
  }

  /** The machine slept: the clock moves, nothing fires until the next `advance`. */
  sleep(ms: number): void {
    this.clock.advance(ms);
  }
}
