// Runs in: vitest. Owns: an erase that leaves BigCommerce alone is not undone by the next sync: the re-read
// person is purged from staging right after the extract, and the planner's guard keeps them off the platform.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock.js';
import { PrivacyService } from '../../src/main/privacy/service.js';
import { purgeSuppressed } from '../../src/main/privacy/purge.js';
import { withoutSuppressed } from '../../src/main/privacy/suppression.js';
import type { StagedRecord } from '../../src/main/engine/connector.js';
import { customerRecord } from '../platforms/activecampaign/fixtures.js';
import { bcPost, openWorld, STORE, type World } from '../consent/world.js';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const DAN = 'dan@example.com';
const inFiles = (dir: string, s: string) =>
  readdirSync(dir)
    .filter((n) => /\.db(-wal|-shm)?$/.test(n))
    .filter((n) => readFileSync(join(dir, n)).toString('latin1').toLowerCase().includes(s));

describe('the next sync after an erase', () => {
  it('does not bring back a person BigCommerce still holds', async () => {
    w = await openWorld();
    await bcPost(w, '/v3/customers', [{ email: DAN, first_name: 'Dan', last_name: 'D' }]);
    const danId = w.bc.control['k']!.state.customerByEmail(DAN)!.id;
    const rec = customerRecord(danId, DAN, 'Dan', 'D');
    w.ac.enqueue([rec], true);
    await w.ac.drainAll();
    await w.extract();
    const privacy = new PrivacyService(w.db, w.events.db, w.systems, systemClock, w.secrets);
    const out = await privacy.erase(DAN);
    expect(out.receipts.find((r) => r.system.startsWith('ActiveCampaign'))!.outcome).toBe('erased');
    expect(inFiles(w.dir, DAN)).toEqual([]);

    // BigCommerce still has Dan; a historical re-read stages him again, and the purge removes him at once.
    const { seq } = w.db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM staging').get() as { seq: number };
    await w.extract();
    expect((await privacy.access(DAN)).records.length).toBe(1);
    expect(purgeSuppressed(w.db, w.events.db, privacy.suppression, STORE, seq)).toBe(1);
    expect((await privacy.access(DAN)).records).toEqual([]);
    expect(inFiles(w.dir, DAN)).toEqual([]);

    // Had a stale copy reached the planner, the guard drops it and the platform never sees Dan again.
    const planned = withoutSuppressed(privacy.suppression, [
      rec,
      customerRecord(99, 'eve@example.com', 'Eve', 'E'),
    ] as StagedRecord[]);
    expect(planned.map((r) => r.id)).toEqual(['99']);
    w.ac.enqueue(planned, false);
    await w.ac.drainAll();
    const emails = w.ac.sim.state().contacts.map((c) => c.email.toLowerCase());
    expect(emails).toContain('eve@example.com');
    expect(emails).not.toContain(DAN);
  });
});
