// Runs in: vitest. Owns: proof that a saved field mapping drives what a sync sends, per platform: a custom form
// field through a transform into a custom platform field arrives transformed in the simulator; an edited
// mapping re-sends; a value the mapping cannot produce is an event naming record and field, and the rest of
// that record still arrives.
import { afterEach, describe, expect, it } from 'vitest';
import { customer } from './fixtures.js';
import { appliedHarness, type AppliedHarness } from './applied-harness.js';
import { platformCases, type PlatformCase } from './applied-platforms.js';

let h: AppliedHarness | undefined;
let closeSim: (() => Promise<void>) | undefined;
afterEach(async () => {
  h?.close();
  await closeSim?.();
  h = undefined;
  closeSim = undefined;
});

const people = [
  customer(1, {
    email: 'ana@example.com',
    form_fields: [
      { name: 'Birthday', value: '05/01/1990', customer_id: 1 },
      { name: 'Nickname', value: ' ana ', customer_id: 1 },
    ],
  }),
  customer(2, {
    email: 'bia@example.com',
    form_fields: [
      // Not a date in the form's dd/MM/yyyy: the date transform refuses it.
      { name: 'Birthday', value: 'someday', customer_id: 2 },
      { name: 'Nickname', value: 'bia', customer_id: 2 },
    ],
  }),
  customer(3, {
    email: 'cai@example.com',
    form_fields: [
      { name: 'Birthday', value: '31/12/1985', customer_id: 3 },
      // Two answers cannot go into the platform's one-value text field: the type check leaves it out.
      { name: 'Nickname', value: ['cai', 'caio'], customer_id: 3 },
    ],
  }),
];

const rows = (c: { birthday: string; nickname: string }, shout: boolean) => [
  {
    source: 'bc.form_field.Birthday',
    target: c.birthday,
    transforms: [{ kind: 'date' as const, format: 'date' as const, inputPattern: 'dd/MM/yyyy' }],
  },
  {
    source: 'bc.form_field.Nickname',
    target: c.nickname,
    transforms: shout
      ? [{ kind: 'trim' as const }, { kind: 'uppercase' as const }]
      : [{ kind: 'trim' as const }],
  },
];

describe.each(platformCases)('$platform: the saved mapping drives the sync', (pc: PlatformCase) => {
  it('sends mapped custom fields transformed, re-sends after an edit, and reports a bad value', async () => {
    const sim = await pc.start();
    closeSim = sim.close;
    h = appliedHarness({
      platform: pc.platform,
      connector: sim.connector,
      credentials: sim.credentials,
      settings: sim.settings,
    });
    const fields = await sim.createFields();
    h.stage(people);
    await h.save({ entity: 'customer', rows: rows(fields, false) });

    await h.sync();
    expect(await sim.read('ana@example.com', fields)).toEqual({
      birthday: pc.birthday('1990-01-05'),
      nickname: 'ana',
    });
    // Bia's birthday could not be read: her nickname still arrived, and an event names her and the field.
    expect(await sim.read('bia@example.com', fields)).toEqual({ nickname: 'bia' });
    // Cai's two nicknames fail the platform field's type: his birthday still arrived.
    expect(await sim.read('cai@example.com', fields)).toEqual({ birthday: pc.birthday('1985-12-31') });
    const issue = h.events.filter((e) => e.type === 'mapping.record_issue');
    expect(issue).toEqual([
      expect.objectContaining({
        recordId: '2',
        storeId: 'store-1',
        platform: pc.platform,
        connectionId: 'conn-a',
        payload: expect.objectContaining({
          code: 'transform_failed',
          target: fields.birthday,
          source: 'bc.form_field.Birthday',
        }),
      }),
      expect.objectContaining({
        recordId: '3',
        storeId: 'store-1',
        platform: pc.platform,
        connectionId: 'conn-a',
        payload: expect.objectContaining({
          code: 'type_conflict',
          target: fields.nickname,
          source: 'bc.form_field.Nickname',
        }),
      }),
    ]);

    // Nothing changed: a second sync sends nothing.
    expect((await h.sync()).plan.queued).toBe(0);

    await h.save({ entity: 'customer', rows: rows(fields, true) });
    const again = await h.sync();
    // Ana's and Bia's nicknames changed; nothing of Cai's did (Bloomreach dates every write by the save).
    expect(again.plan.queued).toBe(pc.resendsEveryRecordOnSave ? 3 : 2);
    expect(await sim.read('ana@example.com', fields)).toMatchObject({ nickname: 'ANA' });
    expect(await sim.read('bia@example.com', fields)).toMatchObject({ nickname: 'BIA' });
  });
});
