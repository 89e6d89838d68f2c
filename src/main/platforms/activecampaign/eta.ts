// Runs in: main (Electron-free). Owns: what a historical sync costs in requests and time at the account's
// shared limit, so the wizard can show the ETA (and the contacts it will create) before it starts.

/** Requests one record takes: lookups before writes, because the API does not reject duplicates. */
export const requestsPerRecord = {
  /** contact/sync, tag, e-commerce customer lookup, create or update. */
  customers: 4,
  /** contact/sync, tag, list status read, list status write. */
  subscribers: 4,
  /** customer lookup, order lookup, cart lookup, create (a first-time guest adds contact, tag, customer). */
  orders: 4,
  carts: 4,
} as const;

export interface HistoricalEstimate {
  requests: number;
  seconds: number;
  /** People the sync may create as contacts (ActiveCampaign bills by contact). */
  contactsAtMost: number;
}

export function historicalEstimate(
  counts: Partial<Record<keyof typeof requestsPerRecord, number>>,
  requestsPerSecond: number,
): HistoricalEstimate {
  let requests = 0;
  for (const [k, per] of Object.entries(requestsPerRecord))
    requests += (counts[k as keyof typeof requestsPerRecord] ?? 0) * per;
  return {
    requests,
    seconds: Math.ceil(requests / requestsPerSecond),
    contactsAtMost: (counts.customers ?? 0) + (counts.subscribers ?? 0) + (counts.orders ?? 0),
  };
}
