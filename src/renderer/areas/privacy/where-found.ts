// Runs in: renderer. Owns: turning an access export into "where the person was found": staged records per
// store and resource, and how many consent facts, queued jobs, deliveries and events mention them.
import type { StoreSummary } from '../../../shared/contract/index';
import type { AccessExport } from './privacy-shapes';

export interface FoundRow {
  where: string;
  what: string;
  count: number;
}

export function whereFound(a: AccessExport, stores: StoreSummary[]): FoundRow[] {
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  const byStore = new Map<string, number>();
  for (const r of a.records) {
    const key = `${storeName(r.storeId)}\u0000${r.resource}`;
    byStore.set(key, (byStore.get(key) ?? 0) + 1);
  }
  const rows: FoundRow[] = [...byStore].map(([k, n]) => {
    const [store, resource] = k.split('\u0000') as [string, string];
    return { where: `BigCommerce ${store} (read into this workspace)`, what: resource, count: n };
  });
  const local: Array<[string, number]> = [
    ['consent facts', a.consentFacts.length],
    ['queued jobs', a.jobs.length],
    ['deliveries to platforms', a.deliveries.length],
    ['event log entries', a.events.length],
  ];
  for (const [what, n] of local) if (n > 0) rows.push({ where: 'Storebridge workspace', what, count: n });
  return rows;
}
