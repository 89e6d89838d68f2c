// Runs in: main (Electron-free). Owns: noticing that wall-clock time moved differently from monotonic time
// (a sleep the OS did not announce, an NTP step, a user changing the clock), so the scheduler re-plans.
export interface ClockSample {
  /** Wall clock, ms since the epoch (Date.now). */
  wall: number;
  /** Monotonic ms (performance.now); on Linux and macOS it does not advance while the machine sleeps. */
  mono: number;
}

export type ClockJump =
  | { kind: 'none' }
  /** Wall time ran ahead of monotonic time: a sleep, or the clock set forward. Either way work is overdue. */
  | { kind: 'forward'; skewMs: number; wallDeltaMs: number; monoDeltaMs: number }
  /** Wall time went back: schedules computed from wall times are now too far in the future. */
  | { kind: 'backward'; skewMs: number; wallDeltaMs: number; monoDeltaMs: number };

/** Compares two samples; differences under `toleranceMs` are timer jitter and event-loop stalls. */
export function detectClockJump(prev: ClockSample, cur: ClockSample, toleranceMs: number): ClockJump {
  const wallDeltaMs = cur.wall - prev.wall;
  const monoDeltaMs = cur.mono - prev.mono;
  const skewMs = wallDeltaMs - monoDeltaMs;
  if (Math.abs(skewMs) < toleranceMs) return { kind: 'none' };
  return { kind: skewMs > 0 ? 'forward' : 'backward', skewMs, wallDeltaMs, monoDeltaMs };
}

/** Keeps the last sample; the owner calls `check()` from its own timer (and on powerMonitor 'resume'). */
export class ClockJumpDetector {
  private last: ClockSample;

  constructor(
    private readonly read: () => ClockSample,
    private readonly toleranceMs = 5_000,
  ) {
    this.last = read();
  }

  check(): ClockJump {
    const cur = this.read();
    const jump = detectClockJump(this.last, cur, this.toleranceMs);
    this.last = cur;
    return jump;
  }
}

export const systemClockSample = (): ClockSample => ({ wall: Date.now(), mono: performance.now() });
