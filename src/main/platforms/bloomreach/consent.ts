// Runs in: main (Electron-free). Owns: pulling newsletter consent changes made in Bloomreach (an unsubscribe
// link, a preference page, a project user, a scenario) back as consent facts.
import type { ConsentFact } from '../../engine/connector.js';
import type { BrClient } from './client.js';
import { JOB_KEY } from './payloads.js';
import type { BloomreachSettings } from './schemas.js';
import { emailKey } from './values.js';

/** Consent sources that are a person's (or the merchant's) own action; `import` is not. */
const EXPLICIT: Record<string, string> = {
  list_unsubscribe: 'unsubscribe link in Bloomreach',
  page: 'consent page in Bloomreach',
  crm: 'changed by a project user in Bloomreach',
  scenario: 'Bloomreach scenario (e.g. double opt-in confirmed)',
  sms_reply: 'SMS reply to Bloomreach',
  private_api: 'another API integration',
  public_api: 'Bloomreach web SDK',
};

interface ConsentEvent {
  timestamp?: number;
  properties?: Record<string, unknown>;
}

/**
 * Bloomreach has no "changed since" query, so every customer's email id is exported and each one's consent
 * events are read (one request per customer, paced). Events this connector sent carry its job key and are
 * skipped, so our own writes never come back as the person's choice.
 */
export async function pullConsent(
  c: BrClient,
  s: BloomreachSettings,
  sinceMs: number,
): Promise<ConsentFact[]> {
  const res = await c.call('POST', c.path('data', '/customers/export'), {
    attributes: { type: 'some', list: [{ type: 'id', id: s.idTypes.email }] },
    format: 'native_json',
  });
  const rows = ((res.body as { data?: unknown[][] })?.data ?? []).map((r) => r[0]);
  const emails = [...new Set(rows.filter((v): v is string => typeof v === 'string' && v !== ''))];
  const facts: ConsentFact[] = [];
  for (const email of emails) {
    const ev = await c.call(
      'POST',
      c.path('data', '/customers/events'),
      { customer_ids: { [s.idTypes.email]: email }, event_types: ['consent'], order: 'desc' },
      [404],
    );
    if (ev.status === 404) continue;
    const events = ((ev.body as { data?: ConsentEvent[] })?.data ?? []).filter((e) => {
      const p = e.properties ?? {};
      return (
        p['category'] === s.newsletterCategory &&
        p[JOB_KEY] === undefined &&
        (e.timestamp ?? 0) * 1000 >= sinceMs
      );
    });
    for (const e of events) {
      const p = e.properties ?? {};
      const source = typeof p['source'] === 'string' ? p['source'] : '';
      if (p['action'] !== 'accept' && p['action'] !== 'reject') continue;
      facts.push({
        email: emailKey(email),
        channel: 'email',
        state: p['action'] === 'accept' ? 'subscribed' : 'unsubscribed',
        at: Math.round((e.timestamp ?? 0) * 1000),
        mechanism: EXPLICIT[source] ?? `consent ${source || 'change'} in Bloomreach`,
        explicit: source in EXPLICIT,
      });
    }
  }
  return facts;
}
