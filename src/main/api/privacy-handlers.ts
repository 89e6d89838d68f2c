// Runs in: main (Electron-free). Owns: the consent and privacy channels.
import type { ConsentService } from '../consent/service.js';
import type { Clock } from '../core/clock.js';
import type { PrivacyService } from '../privacy/service.js';
import { policyRules } from '../privacy/policies.js';
import type { Handlers } from './dispatch.js';

export type PrivacyChannels =
  | 'consent:show'
  | 'consent:pull'
  | 'consent:report'
  | 'consent:preview'
  | 'consent:apply'
  | 'consent:impact'
  | 'privacy:erase'
  | 'privacy:access'
  | 'privacy:audit'
  | 'policies:list'
  | 'policies:add'
  | 'policies:preview'
  | 'policies:run'
  | 'policies:remove';

export function createPrivacyHandlers(d: {
  consent: ConsentService;
  privacy: PrivacyService;
  clock: Clock;
}): Pick<Handlers, PrivacyChannels> {
  return {
    'consent:show': ({ storeId, email }) => d.consent.show(storeId, email),
    'consent:pull': ({ storeId }) => d.consent.pull(storeId ? { storeId } : {}),
    'consent:report': ({ storeId }) => d.consent.report(storeId),
    'consent:preview': ({ storeId }) => d.consent.preview(storeId),
    'consent:apply': ({ storeId }) => d.consent.apply(storeId),
    'consent:impact': ({ storeId, connectionId }) => d.consent.impact(storeId, connectionId),
    'privacy:erase': ({ email, bigcommerce }) => d.privacy.erase(email, { bigcommerce }),
    'privacy:access': ({ email }) => d.privacy.access(email),
    'privacy:audit': () => d.privacy.audit(),
    'policies:list': () => d.privacy.policies.list(),
    // The one policy shape the platforms' docs describe (Bloomreach's); more rules can be added to policyRules.
    'policies:add': (p) => d.privacy.policies.add({ ...p, rule: policyRules[0] }, d.clock.now()),
    'policies:preview': ({ id }) => d.privacy.previewPolicy(id),
    'policies:run': ({ id }) => d.privacy.runPolicy(id),
    'policies:remove': ({ id }) => {
      d.privacy.policies.remove(id);
      return { removed: true as const };
    },
  };
}
