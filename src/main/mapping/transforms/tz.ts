// Runs in: main (Electron-free). Owns: wall-clock parts of an instant in a named time zone, and the instant
// of a wall-clock time in a zone, through Intl only (no machine-local Date getters anywhere).
export interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function partsIn(ms: number, timeZone: string): Parts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out['year']!,
    month: out['month']!,
    day: out['day']!,
    hour: out['hour']! % 24,
    minute: out['minute']!,
    second: out['second']!,
    ms: ((ms % 1000) + 1000) % 1000,
  };
}

/** Minutes east of UTC that `timeZone` is at the instant `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  return Math.round((asUtc - ms) / 60_000);
}

/** The instant at which the clock in `timeZone` shows these parts (the earlier one across a DST overlap). */
export function instantOf(p: Parts, timeZone: string): number {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  // A second pass settles guesses that landed on the other side of a DST change.
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return guess;
}
