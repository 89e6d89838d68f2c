// Runs in: main (Electron-free). Owns: the privacy work the scheduler runs in the background: a consent pull
// (opt-outs made on the platforms enter the ledger, then reach BigCommerce and the other platforms) and the due
// anonymisation policies. Events say what happened in counts, never who.
import type { Clock } from '../core/clock.js';
import type { ConsentService } from '../consent/service.js';
import type { NewEvent } from '../events/event-log.js';
import type { PeriodicJob } from './periodic.js';
import type { PrivacyService } from './service.js';

export const DEFAULT_CONSENT_PULL_MS = 15 * 60_000;
export const DEFAULT_POLICY_CHECK_MS = 24 * 60 * 60_000;

export interface BackgroundOptions {
  consentPullMs?: number;
  policyCheckMs?: number;
}

export interface BackgroundDeps {
  consent: Pick<ConsentService, 'pull' | 'apply'>;
  privacy: Pick<PrivacyService, 'policies' | 'runPolicy'>;
  storeIds: () => string[];
  events: { append(...e: NewEvent[]): unknown };
  clock: Clock;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function consentPullJob(d: BackgroundDeps, intervalMs = DEFAULT_CONSENT_PULL_MS): PeriodicJob {
  return {
    name: 'consent-pull',
    intervalMs,
    async run(signal) {
      const pulled = await d.consent.pull({ signal });
      for (const r of pulled.filter((x) => x.error))
        d.events.append({
          level: 'warn',
          type: 'consent.pull_failed',
          connectionId: r.connectionId,
          platform: r.platform,
          message: `Consent pull from ${r.platform} failed (tried again at the next pull): ${r.error}`,
        });
      const recorded = pulled.reduce((n, r) => n + r.recorded, 0);
      let applied = 0;
      let failed = 0;
      // Opt-outs only: a platform saying "subscribed" never raises consent without the user's reconcile.
      for (const storeId of d.storeIds()) {
        if (signal.aborted) break;
        const r = await d.consent.apply(storeId, { onlyOptOuts: true });
        applied += r.done.filter((x) => x.outcome === 'applied').length;
        failed += r.done.filter((x) => x.outcome === 'failed').length;
      }
      if (recorded + applied + failed === 0) return; // a quiet pull every 15 minutes is not news
      d.events.append({
        level: failed ? 'warn' : 'info',
        type: 'consent.pulled',
        message:
          `Consent pull: ${recorded} new consent change(s) from ${pulled.length} connection(s); ` +
          `${applied} opt-out(s) carried to BigCommerce and the other platforms` +
          (failed ? `; ${failed} could not be carried yet (tried again at the next pull)` : ''),
        payload: { connections: pulled.length, recorded, applied, failed },
      });
    },
  };
}

export function policyJob(d: BackgroundDeps, intervalMs = DEFAULT_POLICY_CHECK_MS): PeriodicJob {
  return {
    name: 'anonymisation-policies',
    intervalMs,
    async run(signal) {
      for (const p of d.privacy.policies.due(d.clock.now())) {
        if (signal.aborted) return;
        try {
          const r = await d.privacy.runPolicy(p.id);
          const failed = r.erased.filter((e) => e.receipts.some((x) => x.outcome === 'failed')).length;
          d.events.append({
            level: failed ? 'warn' : 'info',
            type: 'privacy.policy_run',
            storeId: p.storeId,
            message:
              `Anonymisation policy "${p.name}": ${r.erased.length} person(s) erased` +
              (failed ? `, ${failed} with a failed receipt (see the privacy audit trail)` : ''),
            payload: { policyId: p.id, erased: r.erased.length, failed },
          });
        } catch (err) {
          d.events.append({
            level: 'error',
            type: 'privacy.policy_failed',
            storeId: p.storeId,
            message: `Anonymisation policy "${p.name}" could not run (tried again at the next check): ${message(err)}`,
          });
        }
      }
    },
  };
}

export const privacyJobs = (d: BackgroundDeps, o: BackgroundOptions = {}): PeriodicJob[] => [
  consentPullJob(d, o.consentPullMs),
  policyJob(d, o.policyCheckMs),
];
