// Runs in: renderer. Owns: the rate and ETA of a running sync from the progress samples it pushed: records
// per second over a sliding window, and the seconds left at that pace.
export interface Sample {
  at: number;
  done: number;
}

export interface Pace {
  perSecond: number | null;
  etaSeconds: number | null;
}

/** Keeps the samples of the last `windowMs`, plus the one just before it, so the window always spans time. */
export function addSample(samples: Sample[], s: Sample, windowMs = 10_000): Sample[] {
  const next = [...samples, s];
  const cut = next.findIndex((x) => x.at >= s.at - windowMs);
  return next.slice(Math.max(0, cut - 1));
}

export function pace(samples: Sample[], total: number | null): Pace {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at <= first.at) return { perSecond: null, etaSeconds: null };
  const perSecond = ((last.done - first.done) * 1000) / (last.at - first.at);
  if (perSecond <= 0) return { perSecond: 0, etaSeconds: null };
  const left = total === null ? null : Math.max(0, total - last.done);
  return { perSecond, etaSeconds: left === null ? null : left / perSecond };
}
