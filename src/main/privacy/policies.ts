// Runs in: main (Electron-free). Owns: scheduled anonymisation policies (Bloomreach's kind: a subscriber with no
// customer account and no valid consent, older than N days), their preview and when they are due.
import { randomUUID } from 'node:crypto';
import type { Db } from '../storage/db.js';
import { AppError } from '../core/errors.js';
import type { ConsentLedger } from '../consent/ledger.js';
import { grants } from '../consent/rule.js';
import { normaliseEmail } from './subject.js';

export const policyRules = ['subscriber_without_customer_no_consent'] as const;
export type PolicyRule = (typeof policyRules)[number];

export interface Policy {
  id: string;
  name: string;
  storeId: string;
  rule: PolicyRule;
  olderThanDays: number;
  everyDays: number;
  lastRunAt: number | null;
}

interface Row {
  id: string;
  name: string;
  store_id: string;
  rule: PolicyRule;
  older_than_days: number;
  every_days: number;
  last_run_at: number | null;
}
const fromRow = (r: Row): Policy => ({
  id: r.id,
  name: r.name,
  storeId: r.store_id,
  rule: r.rule,
  olderThanDays: r.older_than_days,
  everyDays: r.every_days,
  lastRunAt: r.last_run_at,
});

export class PolicyRepo {
  constructor(private readonly db: Db) {}

  add(p: Omit<Policy, 'id' | 'lastRunAt'>, now: number): Policy {
    if (!policyRules.includes(p.rule))
      throw new Error(`Unknown rule "${p.rule}"; use one of ${policyRules.join(', ')}.`);
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO anonymisation_policies (id, name, store_id, rule, older_than_days, every_days, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, p.name, p.storeId, p.rule, p.olderThanDays, p.everyDays, now);
    return this.get(id);
  }
  get(id: string): Policy {
    const r = this.db.prepare('SELECT * FROM anonymisation_policies WHERE id = ? OR name = ?').get(id, id) as
      Row | undefined;
    if (!r)
      throw new AppError(
        'not_found',
        `No anonymisation policy "${id}"; list them with \`storebridge privacy policies\`.`,
      );
    return fromRow(r);
  }
  list(): Policy[] {
    return (this.db.prepare('SELECT * FROM anonymisation_policies ORDER BY name').all() as Row[]).map(
      fromRow,
    );
  }
  remove(id: string): void {
    this.db.prepare('DELETE FROM anonymisation_policies WHERE id = ?').run(this.get(id).id);
  }
  markRun(id: string, at: number): void {
    this.db.prepare('UPDATE anonymisation_policies SET last_run_at = ? WHERE id = ?').run(at, id);
  }
  due(now: number): Policy[] {
    return this.list().filter((p) => p.lastRunAt === null || now - p.lastRunAt >= p.everyDays * 86_400_000);
  }
}

/** The emails a policy would anonymise now, from staging and the ledger. */
export function policyPreview(db: Db, ledger: ConsentLedger, p: Policy, now: number): string[] {
  const latest = (resource: string) =>
    db
      .prepare(
        `SELECT payload FROM staging s WHERE store_id = ? AND resource = ? AND kind = 'upsert' AND seq = (SELECT max(seq)
         FROM staging t WHERE t.store_id = s.store_id AND t.resource = s.resource AND t.record_id = s.record_id)`,
      )
      .all(p.storeId, resource)
      .map((r) => JSON.parse((r as { payload: string }).payload) as Record<string, unknown>);
  const customers = new Set(latest('customers').map((c) => normaliseEmail(String(c['email'] ?? ''))));
  const cutoff = now - p.olderThanDays * 86_400_000;
  const out = new Set<string>();
  for (const s of latest('subscribers')) {
    const email = normaliseEmail(String(s['email'] ?? ''));
    if (!email.includes('@') || customers.has(email)) continue;
    const created = Date.parse(String(s['date_created'] ?? ''));
    if (Number.isNaN(created) || created > cutoff) continue;
    const eff = ledger.person(p.storeId, email).effective.state;
    const bcConsent =
      Array.isArray(s['consents']) && (s['consents'] as string[]).includes('marketing_newsletter');
    const valid = eff === 'none' ? bcConsent : grants(eff);
    if (!valid) out.add(email);
  }
  return [...out].sort();
}
