// Runs in: renderer. Owns: what the progress bar of one export target shows in each phase: reading (paced by
// the estimate), planning, delivering (main's rate and ETA when it sends them, else measured here).
import type { SyncProgress } from '../../state/status-store';
import type { RunFigures } from '../../ui/RunProgress';
import { pace, type Sample } from '../../ui/rate';
import type { Target } from './export-store';

type Live = SyncProgress & { rate?: number; etaSeconds?: number; remaining?: number };

export function runFigures(
  t: Target,
  progress: Live | undefined,
  samples: Sample[],
  now: number,
): RunFigures {
  const estimated = t.estimate ? Object.values(t.estimate.records).reduce((a, b) => a + b, 0) : null;
  if (t.summary)
    return {
      label: `Export of ${t.what}`,
      done: t.summary.delivered,
      total: t.summary.queued || t.summary.delivered,
      perSecond: null,
      etaSeconds: 0,
      unit: 'records',
    };
  const phase = progress?.phase ?? 'extract';
  if (phase === 'extract' || phase === 'plan') {
    const elapsed = t.startedAt ? (now - t.startedAt) / 1000 : 0;
    return {
      label: `Reading ${t.what} from BigCommerce`,
      done: progress?.staged ?? 0,
      total: estimated,
      perSecond: null,
      // Reading reports no partial counts: the estimate's pace is the best guess until delivery starts.
      etaSeconds: t.estimate ? Math.max(0, t.estimate.etaSeconds - elapsed) : null,
      unit: 'records',
    };
  }
  const measured = pace(samples, progress?.planned ?? null);
  return {
    label: `Delivering ${t.what}`,
    done: progress?.delivered ?? 0,
    total: progress?.planned ?? null,
    perSecond: progress?.rate ?? measured.perSecond,
    etaSeconds: progress?.etaSeconds ?? measured.etaSeconds,
    unit: 'records',
  };
}
