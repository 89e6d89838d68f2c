// Runs in: renderer. Owns: the dashboard's ring buffer of samples over time (queue depth and dead letters from
// each status poll, records delivered from `sync:progress` between two polls), for its charts.
import { create } from 'zustand';
import { useStatus, type ConnectionStatus, type SyncProgress } from './status-store';

export interface Sample {
  at: number;
  /** Jobs waiting, leased or submitted, across the polled connections. */
  queued: number;
  dead: number;
  /** Records delivered since the previous sample. */
  delivered: number;
  /** `delivered` per minute over the time since the previous sample. */
  perMinute: number;
}

/** Two hours at the dashboard's 3-second poll would be 2,400: the chart keeps the latest ten minutes. */
export const CAPACITY = 200;

interface MetricsState {
  samples: Sample[];
  /** Delivered since the last sample, accumulated from progress events. */
  pending: number;
  /** Starts sampling; returns the function that stops it. */
  follow(): () => void;
  add(statuses: ConnectionStatus[], at: number): void;
  progressed(prev: SyncProgress | undefined, next: SyncProgress): void;
}

/** Records delivered between two progress reports of one connection; a new run starts again from zero. */
export function deliveredBetween(prev: SyncProgress | undefined, next: SyncProgress): number {
  const now = next.delivered ?? 0;
  const before = prev?.delivered ?? 0;
  return now >= before ? now - before : now;
}

export function pushRing<T>(ring: readonly T[], item: T, capacity = CAPACITY): T[] {
  const out = ring.length >= capacity ? ring.slice(ring.length - capacity + 1) : ring.slice();
  out.push(item);
  return out;
}

export const useMetrics = create<MetricsState>((set, get) => ({
  samples: [],
  pending: 0,
  follow() {
    return useStatus.subscribe((s, prev) => {
      if (s.progress !== prev.progress)
        for (const [id, p] of Object.entries(s.progress))
          if (p !== prev.progress[id]) get().progressed(prev.progress[id], p);
      if (s.status !== prev.status) get().add(Object.values(s.status), Date.now());
    });
  },
  add(statuses, at) {
    const { samples, pending } = get();
    const last = samples[samples.length - 1];
    const minutes = last ? Math.max(at - last.at, 1000) / 60_000 : 0;
    const sample: Sample = {
      at,
      queued: statuses.reduce((n, s) => n + s.queue.queued + s.queue.leased + s.queue.submitted, 0),
      dead: statuses.reduce((n, s) => n + s.queue.dead, 0),
      delivered: pending,
      perMinute: minutes ? Math.round(pending / minutes) : 0,
    };
    set({ samples: pushRing(samples, sample), pending: 0 });
  },
  progressed(prev, next) {
    set({ pending: get().pending + deliveredBetween(prev, next) });
  },
}));
