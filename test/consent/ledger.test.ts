// Runs in: vitest. Owns: the ledger on a real SQLite file: provenance kept, re-syncs not counted as actions,
// a repeated explicit act counted, emails lowercased.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsentLedger } from '../../src/main/consent/ledger.js';
import type { ConsentFactRow } from '../../src/main/consent/rule.js';
import type { Db } from '../../src/main/storage/db.js';
import { tempDir } from '../support/temp.js';
import { workspaceDb } from './world.js';

let db: Db | undefined;
afterEach(() => db?.close());

function ledger(): ConsentLedger {
  db = workspaceDb(join(tempDir(), 'w.db'));
  db.prepare(
    `INSERT INTO stores (id, name, store_hash, api_base_url, token_hint, created_at) VALUES ('s', 'S', 'h', 'http://x', '', '')`,
  ).run();
  return new ConsentLedger(db, { now: () => 1_000_000 });
}
const fact = (
  source: string,
  state: ConsentFactRow['state'],
  at: number,
  explicit = true,
): ConsentFactRow => ({
  storeId: 's',
  email: 'Ann@Example.COM',
  channel: 'email',
  source,
  state,
  mechanism: `${source} ${state}`,
  actor: explicit ? 'person' : 'system',
  explicit,
  at,
});

describe('ConsentLedger', () => {
  it('keeps provenance per source and decides by the most recent explicit act', () => {
    const l = ledger();
    expect(l.record(fact('platform-a', 'unsubscribed', 10))).toBe(true);
    expect(l.record(fact('merchant', 'subscribed', 20))).toBe(true);
    expect(l.person('s', 'ann@example.com').effective.state).toBe('subscribed');
    // The person unsubscribes again on the same platform: a new act, recorded, and it wins.
    expect(l.record(fact('platform-a', 'unsubscribed', 30))).toBe(true);
    const p = l.person('s', 'ANN@example.com');
    expect(p.effective.state).toBe('unsubscribed');
    expect(p.effective.decidedBy).toMatchObject({
      source: 'platform-a',
      at: 30,
      mechanism: 'platform-a unsubscribed',
    });
    expect(Object.keys(p.bySource).sort()).toEqual(['merchant', 'platform-a']);
    expect(p.email).toBe('ann@example.com');
  });

  it('does not count a re-sync of the same state as an action', () => {
    const l = ledger();
    l.record(fact('bigcommerce', 'subscribed', 10));
    l.record(fact('platform-a', 'unsubscribed', 20));
    expect(l.record(fact('bigcommerce', 'subscribed', 30, false))).toBe(false);
    expect(l.record(fact('bigcommerce', 'subscribed', 5))).toBe(false);
    expect(l.person('s', 'ann@example.com').effective.state).toBe('unsubscribed');
    expect(() => l.record({ ...fact('x', 'subscribed', 1), email: 'not-an-email' })).toThrow(/not an email/);
  });
});
