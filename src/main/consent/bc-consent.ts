// Runs in: main (Electron-free). Owns: the BigCommerce writes consent needs, on the client's transport: read a
// subscriber by email, set its newsletter consent (or create it), delete a person (privacy erase).
import type { Transport } from '../bigcommerce/transport.js';

export interface BcSubscriber {
  id: number;
  email: string;
  consents: string[];
  date_modified?: string;
  [k: string]: unknown;
}

const data = (body: unknown): unknown => (body as { data?: unknown } | null)?.data;

export async function subscriberByEmail(t: Transport, email: string): Promise<BcSubscriber | undefined> {
  const res = await t.request('GET', `/v3/customers/subscribers?email=${encodeURIComponent(email)}`);
  return ((data(res.body) as BcSubscriber[] | undefined) ?? [])[0];
}

/**
 * Sets the newsletter consent of the person's subscriber row, creating one for a subscription. Other consents
 * (abandoned cart) are left as they are, except that an unsubscribe removes every marketing consent.
 */
export async function setNewsletterConsent(
  t: Transport,
  email: string,
  subscribed: boolean,
): Promise<{ subscriber: BcSubscriber | undefined; changed: boolean }> {
  const s = await subscriberByEmail(t, email);
  if (!s) {
    if (!subscribed) return { subscriber: undefined, changed: false };
    const res = await t.request('POST', '/v3/customers/subscribers', {
      json: { email, source: 'custom', consents: ['marketing_newsletter'] },
    });
    return { subscriber: data(res.body) as BcSubscriber, changed: true };
  }
  const has = s.consents.includes('marketing_newsletter');
  if (has === subscribed) return { subscriber: s, changed: false };
  const consents = subscribed ? [...s.consents, 'marketing_newsletter'] : [];
  const res = await t.request('PUT', `/v3/customers/subscribers/${s.id}`, { json: { consents } });
  return { subscriber: data(res.body) as BcSubscriber, changed: true };
}

/** Deletes the person's customer accounts and subscriber rows; returns how many of each. */
export async function deletePerson(
  t: Transport,
  email: string,
): Promise<{ customers: number; subscribers: number }> {
  const res = await t.request('GET', `/v3/customers?email:in=${encodeURIComponent(email)}`);
  const ids = ((data(res.body) as Array<{ id: number }> | undefined) ?? []).map((c) => c.id);
  if (ids.length) await t.request('DELETE', `/v3/customers?id:in=${ids.join(',')}`);
  const s = await subscriberByEmail(t, email);
  if (s) await t.request('DELETE', `/v3/customers/subscribers/${s.id}`);
  return { customers: ids.length, subscribers: s ? 1 : 0 };
}
