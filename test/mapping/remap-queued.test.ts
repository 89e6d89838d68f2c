// Runs in: vitest. Owns: a mapping saved while records still wait in the queue (planned, not yet delivered):
// the next plan pass replaces their queued jobs with the new mapping's payload and keeps live changes live.
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/main/engine/connector.js';
import { fanOut } from '../../src/main/engine/pipeline/fan-out.js';
import { JobQueue } from '../../src/main/engine/queue/job-queue.js';
import type { NewEvent } from '../../src/main/events/event-log.js';
import { MappingRepo } from '../../src/main/mapping/repo.js';
import {
  acSettingsSchema,
  createActiveCampaignConnector,
} from '../../src/main/platforms/activecampaign/index.js';
import type { Db } from '../../src/main/storage/db.js';
import { engineDb } from '../support/engine-db.js';
import { stage } from './db.js';
import { customer } from './fixtures.js';

let db: Db | undefined;
afterEach(() => db?.close());

const nickname = (shout: boolean) => ({
  entity: 'customer' as const,
  rows: [
    {
      source: 'bc.form_field.Nickname',
      target: '7',
      transforms: shout ? [{ kind: 'uppercase' as const }] : [],
    },
  ],
});

describe('re-planning after a mapping save', () => {
  it('replaces queued jobs of the old mapping, keeps them live, and leaves other connections alone', async () => {
    db = engineDb(['conn-a']);
    stage(db, 'store-1', 'customers', [
      customer(1, { email: 'ana@example.com', form_fields: [{ name: 'Nickname', value: 'ana' }] }),
      customer(2, { email: 'bia@example.com', form_fields: [{ name: 'Nickname', value: 'bia' }] }),
    ]);
    const queue = new JobQueue(db);
    const repo = new MappingRepo(db);
    const events: NewEvent[] = [];
    const target = {
      connectionId: 'conn-a',
      storeId: 'store-1',
      scope: {},
      settings: acSettingsSchema.parse({ storeUrl: 'https://shop.example.com' }),
      connector: createActiveCampaignConnector() as unknown as Connector<unknown, unknown>,
      events: { append: (...e: NewEvent[]) => events.push(...e) },
    };
    const t0 = Date.parse('2026-01-05T10:00:00.000Z');
    repo.saveMapping('conn-a', nickname(false), new Date(t0).toISOString());
    expect(fanOut(db, queue, target, { historical: false, now: t0 + 1_000 }).queued).toBe(2);

    const queued = () =>
      (
        db!.prepare('SELECT entity_id, payload, historical FROM jobs ORDER BY entity_id').all() as Array<{
          entity_id: string;
          payload: string;
          historical: number;
        }>
      ).map((j) => ({
        id: j.entity_id,
        historical: j.historical,
        fieldValues: (JSON.parse(j.payload) as { fieldValues: unknown }).fieldValues,
      }));
    expect(queued()).toEqual([
      { id: '1', historical: 0, fieldValues: [{ field: '7', value: 'ana' }] },
      { id: '2', historical: 0, fieldValues: [{ field: '7', value: 'bia' }] },
    ]);

    // Saved before anything was delivered: the waiting jobs take the new mapping and stay live changes.
    repo.saveMapping('conn-a', nickname(true), new Date(t0 + 2_000).toISOString());
    const again = fanOut(db, queue, target, { historical: false, now: t0 + 3_000 });
    expect(again).toMatchObject({ read: 0, remapped: 2, queued: 2 });
    expect(queued()).toEqual([
      { id: '1', historical: 0, fieldValues: [{ field: '7', value: 'ANA' }] },
      { id: '2', historical: 0, fieldValues: [{ field: '7', value: 'BIA' }] },
    ]);

    // Nothing saved since: a further pass re-plans nothing.
    db.prepare('UPDATE connection_progress SET last_run_finished = ? WHERE connection_id = ?').run(
      t0 + 4_000,
      'conn-a',
    );
    expect(fanOut(db, queue, target, { historical: false, now: t0 + 5_000 })).toMatchObject({ remapped: 0 });
    expect(events).toEqual([]);
  });
});
