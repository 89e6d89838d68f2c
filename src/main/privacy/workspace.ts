// Runs in: main (Electron-free). Owns: building the consent and privacy services for an open workspace, with a
// clear error while migration 006 is not registered yet.
import type { Workspace } from '../app/workspace.js';
import { systemClock, type Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { ConsentService } from '../consent/service.js';
import { workspaceSystems } from '../consent/workspace-systems.js';
import { PrivacyService } from './service.js';

export function consentAndPrivacy(
  ws: Pick<Workspace, 'db' | 'events' | 'stores' | 'accounts' | 'connections' | 'queue' | 'logger'>,
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
  const privacy = new PrivacyService(ws.db, ws.events.db, systems, clock);
  const consent = new ConsentService(ws.db, systems, clock, { isSuppressed: privacy.isSuppressed });
  return { consent, privacy };
}
