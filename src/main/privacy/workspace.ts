// Runs in: main (Electron-free). Owns: building the consent and privacy services for an open workspace, with a
// clear error while migration 006 is not registered yet, moving a salt an older build kept in SQLite out, and
// their background jobs (consent pull, anonymisation policies).
import type { Workspace } from '../app/workspace.js';
import { systemClock, type Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { ConsentService } from '../consent/service.js';
import { workspaceSystems } from '../consent/workspace-systems.js';
import { PrivacyService } from './service.js';
import { hasLegacySalt } from './subject.js';
import { privacyJobs, type BackgroundOptions } from './background.js';
import { PeriodicJobs } from './periodic.js';
import type { Timers } from '../engine/scheduler.js';

export function consentAndPrivacy(
  ws: Pick<
    Workspace,
    'db' | 'events' | 'stores' | 'accounts' | 'connections' | 'queue' | 'logger' | 'secrets'
  >,
  clock: Clock = systemClock,
): { consent: ConsentService; privacy: PrivacyService } {
  const ready = ws.db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'consent_facts'")
    .get();
  if (!ready)
    throw new AppError(
      'conflict',
      'This workspace has no consent and privacy tables yet (migration 006 is not registered in this build).',
    );
  const systems = workspaceSystems(ws, clock);
  const privacy = new PrivacyService(ws.db, ws.events.db, systems, clock, ws.secrets);
  const consent = new ConsentService(ws.db, systems, clock, {
    isSuppressed: privacy.isSuppressed,
    prepare: () => privacy.prepare(),
  });
  // A salt an older build kept next to the hashes leaves SQLite now, not at the next erase; on failure (no
  // keychain) it stays put and the next use tries again.
  if (hasLegacySalt(ws.db))
    privacy.ready().catch((err: unknown) =>
      ws.logger.log('warn', 'could not move the privacy salt to the keychain yet', {
        error: err instanceof Error ? err.message : String(err),
      }),
    );
  return { consent, privacy };
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** The consent pull and the anonymisation policies, on their intervals; the scheduler starts and stops them. */
export function privacyBackground(
  ws: Pick<Workspace, 'stores' | 'events' | 'logger'> & { consent: ConsentService; privacy: PrivacyService },
  clock: Clock,
  o: BackgroundOptions & { timers?: Timers } = {},
): PeriodicJobs {
  const deps = {
    consent: ws.consent,
    privacy: ws.privacy,
    storeIds: () => ws.stores.list().map((s) => s.id),
    events: ws.events,
    clock,
  };
  return new PeriodicJobs({
    clock,
    timers: o.timers ?? realTimers,
    jobs: privacyJobs(deps, o),
    onError: (name, err) =>
      ws.logger.log('warn', `background job ${name} failed`, {
        error: err instanceof Error ? err.message : String(err),
      }),
  });
}
