// Runs in: main (Electron-free). Owns: pulling opt-in/opt-out changes made in SALESmanago (for when no
// callback can reach the desktop): contacts modified since a time, then their state from contact/list.
import type { ConsentFact } from '../../engine/connector.js';
import type { SalesmanagoClient } from './client.js';
import { isObject, platformMessage, verdictOf } from './outcome.js';
import { OPTIN_PROPERTY } from './payloads.js';

const PAGE = 1000;
const LOOKUP = 100;

async function call(client: SalesmanagoClient, method: string, body: Record<string, unknown>) {
  const a = await client.v2(method, body);
  const v = verdictOf(a, method);
  if (v.kind !== 'ok') throw new Error(`SALESmanago ${method}: ${v.reason}`);
  if (!isObject(a.body)) throw new Error(`SALESmanago ${method}: ${platformMessage(a)}`);
  return a.body;
}

async function modifiedSince(client: SalesmanagoClient, from: number, to: number): Promise<string[]> {
  const emails: string[] = [];
  for (let page = 1; ; page++) {
    const b = await call(client, 'contact/paginatedModifiedContacts', { from, to, page, size: PAGE });
    const list = Array.isArray(b['modifiedContacts']) ? b['modifiedContacts'] : [];
    for (const c of list) if (isObject(c) && typeof c['email'] === 'string') emails.push(c['email']);
    if (b['hasMore'] !== true || list.length === 0) return [...new Set(emails)];
  }
}

/**
 * Compares SALESmanago's state with what Storebridge last sent (the `storebridge_optin` property): a change
 * against it is the person's or a SALESmanago user's explicit action. A contact Storebridge never sent a
 * consent state for is reported as not explicit, so an account that opts new contacts in by default never
 * upgrades anyone's consent.
 */
export function factOf(c: Record<string, unknown>): ConsentFact | undefined {
  const props = Array.isArray(c['properties']) ? (c['properties'] as unknown[]) : [];
  const p = props.find((x) => isObject(x) && x['name'] === OPTIN_PROPERTY);
  const sent = isObject(p) ? String(p['value']) : undefined;
  const optedOut = c['optedOut'] === true;
  const doi = isObject(c['doubleOptIn']) ? c['doubleOptIn'] : undefined;
  const base = {
    email: String(c['email']).toLowerCase(),
    channel: 'email' as const,
    at: Number(c['modifiedOn']) || 0,
  };
  if (optedOut && doi?.['status'] === 'pending') return undefined;
  if (optedOut && sent !== 'no' && sent !== undefined && sent !== 'pending')
    return { ...base, state: 'unsubscribed', mechanism: 'opted out in SALESmanago', explicit: true };
  if (!optedOut && sent !== 'yes' && sent !== undefined)
    return {
      ...base,
      state: 'subscribed',
      mechanism: sent === 'pending' ? 'double opt-in confirmed in SALESmanago' : 'opted in in SALESmanago',
      explicit: true,
      ...(sent === 'pending' && typeof doi?.['confirmedAt'] === 'number' ? { at: doi['confirmedAt'] } : {}),
    };
  if (sent === undefined)
    return {
      ...base,
      state: optedOut ? 'unsubscribed' : 'subscribed',
      mechanism: 'e-mail status in SALESmanago (origin unknown)',
      explicit: false,
    };
  return undefined;
}

export async function pullConsent(
  client: SalesmanagoClient,
  since: number,
  now: number,
): Promise<ConsentFact[]> {
  // SALESmanago refuses a window that ends before it starts; a cursor ahead of this clock has nothing new.
  if (since > now) return [];
  const emails = await modifiedSince(client, since, now);
  const facts: ConsentFact[] = [];
  for (let i = 0; i < emails.length; i += LOOKUP) {
    const b = await call(client, 'contact/list', { email: emails.slice(i, i + LOOKUP) });
    const contacts = Array.isArray(b['contacts']) ? b['contacts'] : [];
    for (const c of contacts) {
      const f = isObject(c) ? factOf(c) : undefined;
      if (f) facts.push(f);
    }
  }
  return facts;
}
