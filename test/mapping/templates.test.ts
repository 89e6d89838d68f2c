// Runs in: vitest, on a real SQLite file. Owns: migration 4, saving mappings, previewing staged records, and a
// template saved once and applied to three differently shaped stores (what fits is mapped, the rest reported).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/core/clock.js';
import type { RemoteFieldInput } from '../../src/main/mapping/catalogue.js';
import type { FormFieldDefinition } from '../../src/main/mapping/discover.js';
import type { MappingInput } from '../../src/main/mapping/model.js';
import { MappingService } from '../../src/main/mapping/service.js';
import type { Db } from '../../src/main/storage/db.js';
import { addStoreWithConnection, mappingDb, stage } from './db.js';
import { customer, platformFields } from './fixtures.js';

const topics = (options: string[]): FormFieldDefinition => ({
  name: 'Newsletter topics',
  type: 'checkboxes',
  options,
});
const TOPICS = ['Running', 'Hiking', 'Cycling'];

/** Three stores: A as the template was made, B with a text shoe size and no birthday, C reordered topics. */
const definitions: Record<string, FormFieldDefinition[]> = {
  'store-a': [topics(TOPICS), { name: 'Shoe size', type: 'numbers' }, { name: 'Birthday', type: 'date' }],
  'store-b': [topics(TOPICS), { name: 'Shoe size', type: 'text' }],
  'store-c': [
    topics(['Cycling', 'Running', 'Hiking']),
    { name: 'Shoe size', type: 'numbers' },
    { name: 'Birthday', type: 'date' },
  ],
};
// Store C's platform account has no shoe size field.
const remote: Record<string, RemoteFieldInput[]> = {
  'conn-a': platformFields,
  'conn-b': platformFields,
  'conn-c': platformFields.filter((f) => f.key !== 'shoe_size'),
};

const templateMapping: MappingInput = {
  entity: 'customer',
  rows: [
    { source: 'bc.customer.email', target: 'email', transforms: [{ kind: 'trim' }, { kind: 'lowercase' }] },
    { source: 'bc.customer.first_name', target: 'first_name', transforms: [{ kind: 'trim' }] },
    { source: 'bc.customer.phone', target: 'mobile', transforms: [{ kind: 'phone', defaultCountry: 'BR' }] },
    { source: 'bc.form_field.Newsletter topics', target: 'topics', transforms: [{ kind: 'optionIndex' }] },
    { source: 'bc.form_field.Shoe size', target: 'shoe_size' },
    { source: 'bc.form_field.Birthday', target: 'birthdate', transforms: [{ kind: 'date', format: 'date' }] },
  ],
};

let db: Db | undefined;
afterEach(() => db?.close());

function setup(): { db: Db; service: MappingService; clock: ManualClock } {
  db = mappingDb();
  for (const s of ['a', 'b', 'c']) addStoreWithConnection(db, `store-${s}`, `conn-${s}`);
  // Each connection has its own platform account: the service caches an account's fields, and these differ.
  for (const s of ['b', 'c']) {
    db.prepare(
      `INSERT INTO platform_accounts (id, platform, name, created_at) VALUES (?, 'file', ?, '2026-01-01')`,
    ).run(`acct-${s}`, `Account ${s}`);
    db.prepare('UPDATE connections SET account_id = ? WHERE id = ?').run(`acct-${s}`, `conn-${s}`);
  }
  stage(db, 'store-a', 'customers', [customer(1), customer(2, { phone: 'n/a', first_name: 'Bia' })]);
  stage(db, 'store-b', 'customers', [
    customer(1, {
      form_fields: [
        { name: 'Newsletter topics', value: ['Hiking'] },
        { name: 'Shoe size', value: '38 EU' },
      ],
    }),
  ]);
  stage(db, 'store-c', 'customers', [customer(1)]);
  const clock = new ManualClock();
  const service = new MappingService(db, clock, {
    remoteFields: async (id) => {
      const fields = remote[id];
      if (!fields) throw new Error(`platform for ${id} unreachable`);
      return fields;
    },
    definitions: async (storeId) => ({ formFields: definitions[storeId] ?? [] }),
  });
  return { db, service, clock };
}

describe('migration 4', () => {
  it('creates STRICT mapping tables tied to connections', () => {
    const { db } = setup();
    for (const t of ['mappings', 'mapping_templates']) {
      const row = db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(t) as { sql: string };
      expect(row.sql).toMatch(/\)\s*STRICT$/);
    }
    expect(() =>
      db
        .prepare(
          `INSERT INTO mappings (connection_id, entity, rows, updated_at) VALUES ('nope', 'customer', '[]', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO mappings (connection_id, entity, rows, updated_at) VALUES ('conn-a', 'carts', '[]', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('mapping service', () => {
  it('builds a connection catalogue from the store definitions, staged records and the platform fields', async () => {
    const { service } = setup();
    const { catalogue } = await service.catalogue('conn-b', 'customer');
    expect(catalogue.source.find((f) => f.key === 'bc.form_field.Shoe size')?.type).toBe('text');
    expect(catalogue.source.find((f) => f.key === 'bc.attribute.1')).toBeDefined();
    expect(catalogue.target.map((t) => t.key)).toContain('shoe_size');
  });

  it('saves a sound mapping, refuses one with errors, and previews staged records', async () => {
    const { service } = setup();
    const { issues } = await service.save('conn-a', templateMapping);
    expect(issues).toEqual([]);
    expect(service.get('conn-a', 'customer')?.rows).toHaveLength(6);
    await expect(
      service.save('conn-a', {
        entity: 'customer',
        rows: [{ source: 'bc.customer.first_name', target: 'first_name' }],
      }),
    ).rejects.toThrow(/Email is required/);

    const preview = await service.preview('conn-a', templateMapping, 10);
    expect(preview.rows.map((r) => r.recordId).sort()).toEqual(['1', '2']);
    const bia = preview.rows.find((r) => r.recordId === '2')!;
    expect(bia.before['bc.customer.first_name']).toBe('Bia');
    expect(bia.after).toMatchObject({ first_name: 'Bia', topics: ['2', '0'], birthdate: '1990-05-14' });
    expect(bia.issues).toMatchObject([{ recordId: '2', target: 'mobile', code: 'transform_failed' }]);
    expect(preview.failing).toBe(1);
  });

  it('applies a template to three differently shaped stores: maps what fits, reports what does not', async () => {
    const { service } = setup();
    await service.save('conn-a', templateMapping);
    const template = await service.saveTemplate({
      name: 'Connectif contacts',
      connectionId: 'conn-a',
      entity: 'customer',
    });
    expect(template.sourceFields['bc.form_field.Newsletter topics']?.options).toEqual(TOPICS);
    await expect(
      service.saveTemplate({ name: 'connectif CONTACTS', connectionId: 'conn-a', entity: 'customer' }),
    ).rejects.toThrow(/already exists/);

    const results = await service.applyTemplate(template.id, ['conn-a', 'conn-b', 'conn-c', 'conn-gone']);
    const byConn = new Map(results.map((r) => [r.connectionId, r]));

    const a = byConn.get('conn-a')!;
    expect(a.ok && a.report.notFitted).toEqual([]);
    expect(a.ok && a.report.mapping.rows).toHaveLength(6);

    const b = byConn.get('conn-b')!;
    expect(b.ok && b.report.notFitted.map((n) => [n.row.source, n.code])).toEqual([
      ['bc.form_field.Shoe size', 'type_conflict'],
      ['bc.form_field.Birthday', 'source_missing'],
    ]);
    expect(b.ok && b.report.notFitted[0]!.reason).toMatch(/as number; this store has it as text/);

    const c = byConn.get('conn-c')!;
    expect(c.ok && c.report.notFitted.map((n) => [n.row.source, n.code])).toEqual([
      ['bc.form_field.Newsletter topics', 'options_conflict'],
      ['bc.form_field.Shoe size', 'target_missing'],
    ]);
    expect(c.ok && c.report.mapping.rows.map((r) => r.target)).toEqual([
      'email',
      'first_name',
      'mobile',
      'birthdate',
    ]);

    // One connection failing is reported for it alone.
    expect(byConn.get('conn-gone')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/No connection conn-gone/),
    });

    // What fitted is saved per connection, with what did not, and maps that store's records.
    const savedB = service.get('conn-b', 'customer')!;
    expect(savedB.templateId).toBe(template.id);
    expect(savedB.rows.map((r) => r.target)).toEqual(['email', 'first_name', 'mobile', 'topics']);
    expect(savedB.notFitted.map((n) => n.code)).toEqual(['type_conflict', 'source_missing']);
    const previewB = await service.preview('conn-b', { entity: 'customer', rows: savedB.rows });
    expect(previewB.rows[0]!.after).toMatchObject({ email: 'person1@example.com', topics: ['1'] });
    expect(previewB.rows[0]!.issues).toEqual([]);

    // Deleting the template keeps the mappings made from it.
    expect(service.repo.deleteTemplate(template.id)).toBe(true);
    expect(service.get('conn-b', 'customer')?.templateId).toBeNull();
  });

  it('fits a connector’s default pairs to a store, skipping what the store lacks', async () => {
    const { service } = setup();
    const report = await service.fromDefaults('conn-b', 'customer', [
      { source: 'bc.customer.email', target: 'email', transforms: [{ kind: 'lowercase' }] },
      {
        source: 'bc.form_field.Birthday',
        target: 'birthdate',
        transforms: [{ kind: 'date', format: 'date' }],
      },
      { source: 'bc.customer.accepts_product_review_abandoned_cart_emails', target: 'accepts' },
      { target: 'tier', transforms: [{ kind: 'default', value: 'bronze' }] },
    ]);
    expect(report.mapping.rows.map((r) => r.target)).toEqual(['email', 'accepts', 'tier']);
    expect(report.notFitted).toMatchObject([{ code: 'source_missing', row: { target: 'birthdate' } }]);
    expect(report.missingRequired).toEqual([]);
  });
});
