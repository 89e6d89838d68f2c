// Runs in: Node (vitest). Owns: tests of async jobs (v2/v3 contact imports, v2/v3 Insight imports,
// enrolments): 202, polling, partial failures in reports, caps, and finishing/failing via /__sim/.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DotdigitalSim, startDotdigitalSim } from './index.js';
import { TestClient } from './test-client.js';

describe('dotdigital async jobs', () => {
  let sim: DotdigitalSim;
  let api: TestClient;
  const ctl = () => new TestClient(sim.url);
  beforeAll(async () => {
    sim = await startDotdigitalSim({
      jobs: { finishAfterMs: null, maxActiveContactImports: 2, maxActiveInsightImports: 1 },
    });
    api = new TestClient(sim.url, sim.credentials[0]!.username, sim.credentials[0]!.password);
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.close());

  it('imports a v2 CSV: 202 NotFinished, then Finished with a counted report and faults', async () => {
    const book = (await api.post('/v2/address-books', { name: 'Customers' })).body as { id: number };
    await api.post('/v2/contacts', { email: 'gone@example.com' });
    await api.post('/v2/contacts/unsubscribe', { email: 'gone@example.com' });
    const csv =
      'Email,FIRSTNAME\r\nann@example.com,Ann\r\nnot-an-email,X\r\nann@example.com,Dup\r\ngone@example.com,G\r\n';
    const started = await api.post(`/v2/address-books/${book.id}/contacts/import`, {
      filename: 'c.csv',
      data: Buffer.from(csv).toString('base64'),
    });
    expect(started.status).toBe(202);
    const id = (started.body as { id: string }).id;
    expect((await api.get(`/v2/contacts/import/${id}`)).body).toEqual({ id, status: 'NotFinished' });
    expect((await api.get(`/v2/contacts/import/${id}/report`)).body).toEqual({
      message: 'Import is not processed yet or completed with error. ERROR_IMPORT_REPORT_NOT_FOUND',
    });
    await ctl().post(`/__sim/jobs/${id}/finish`);
    expect((await api.get(`/v2/contacts/import/${id}`)).body).toEqual({ id, status: 'Finished' });
    expect((await api.get(`/v2/contacts/import/${id}/report`)).body).toMatchObject({
      newContacts: 1,
      invalidEntries: 1,
      duplicateEmails: 1,
      globallySuppressed: 1,
    });
    expect((await api.get(`/v2/contacts/import/${id}/report-faults`)).text).toContain(
      'not-an-email,InvalidEmail',
    );
    expect(
      sim
        .store()
        .bookMembers(book.id)
        .map((c) => c.email),
    ).toEqual(['ann@example.com']);
  });

  it('accepts a multipart upload and refuses one without a filename', async () => {
    const boundary = 'XyZ';
    const body = (disp: string) =>
      `--${boundary}\r\nContent-Disposition: ${disp}\r\nContent-Type: text/csv\r\n\r\nEmail\r\nm@example.com\r\n--${boundary}--\r\n`;
    const type = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    expect(
      (await api.call('POST', '/v2/contacts/import', body('form-data; name="file"; filename="a.csv"'), type))
        .status,
    ).toBe(202);
    const bad = await api.call('POST', '/v2/contacts/import', body('form-data; name="file"'), type);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ message: 'file must be valid' });
  });

  it('caps active contact imports with ERROR_IMPORT_TOOMANYACTIVEIMPORTS (v2) and 429 (v3)', async () => {
    const data = Buffer.from('Email\r\na@example.com\r\n').toString('base64');
    expect((await api.post('/v2/contacts/import', { filename: 'a.csv', data })).status).toBe(202);
    expect(
      (
        await api.put('/contacts/v3/import', {
          contacts: [{ matchIdentifier: 'email', identifiers: { email: 'b@example.com' } }],
        })
      ).status,
    ).toBe(202);
    expect((await api.post('/v2/contacts/import', { filename: 'a.csv', data })).body).toEqual({
      message: 'Too many active imports. ERROR_IMPORT_TOOMANYACTIVEIMPORTS',
    });
    expect(
      (
        await api.put('/contacts/v3/import', {
          contacts: [{ matchIdentifier: 'email', identifiers: { email: 'c@example.com' } }],
        })
      ).status,
    ).toBe(429);
  });

  it('reports v3 import partial failures per contact', async () => {
    const started = await api.put('/contacts/v3/import', {
      mergeOption: 'overwriteIfEmpty',
      contacts: [
        {
          matchIdentifier: 'email',
          identifiers: { email: 'ok@example.com' },
          dataFields: { FIRSTNAME: 'Ok' },
        },
        { matchIdentifier: 'email', identifiers: { email: 'bad' } },
        { matchIdentifier: 'email', identifiers: { email: 'ok@example.com' } },
        { matchIdentifier: 'email', identifiers: {} },
      ],
    });
    const id = (started.body as { importId: string }).importId;
    expect((await api.get(`/contacts/v3/import/${id}`)).body).toMatchObject({ status: 'NotFinished' });
    await ctl().post(`/__sim/jobs/${id}/finish`);
    const done = (await api.get(`/contacts/v3/import/${id}`)).body as {
      status: string;
      created: unknown[];
      failures: Array<{ failures: Array<{ failureCode: string }> }>;
    };
    expect(done.status).toBe('Finished');
    expect(done.created).toHaveLength(1);
    expect(done.failures.map((f) => f.failures[0]!.failureCode)).toEqual([
      'InvalidEmail',
      'Duplicate',
      'NoValidIdentifiers',
    ]);
  });

  it('imports v2 Insight data: unknown contacts are skipped but still 202, same key replaces', async () => {
    await api.post('/v2/contacts', { email: 'buyer@example.com' });
    const records = [
      {
        key: 'o1',
        contactIdentifier: 'buyer@example.com',
        json: { total: 10, products: [{ sku: 'A', qty: 1 }] },
      },
      { key: 'o2', contactIdentifier: 'ghost@example.com', json: { total: 5 } },
    ];
    const started = await api.post('/v2/contacts/transactional-data/import/Orders', records);
    expect(started.body).toMatchObject({ status: 'NotStarted' });
    const id = (started.body as { id: string }).id;
    expect((await api.post('/v2/contacts/transactional-data/import/Orders', records)).body).toEqual({
      message: 'Too many active imports. ERROR_IMPORT_TOOMANYACTIVEIMPORTS',
    });
    await ctl().post(`/__sim/jobs/${id}/finish`);
    expect((await api.get(`/v2/contacts/transactional-data/import/${id}/report`)).body).toMatchObject({
      totalImported: 1,
      faults: [{ key: 'o2', reason: 'ContactNotFound' }],
    });
    await api.post('/v2/contacts/transactional-data/Orders', {
      key: 'o1',
      contactIdentifier: 'buyer@example.com',
      json: { total: 12 },
    });
    expect(sim.store().collection('Orders')?.records.size).toBe(1);
    expect((await api.get('/v2/contacts/transactional-data/Orders/o1')).body).toMatchObject({
      json: { total: 12 },
    });
    expect((await api.get('/v2/contacts/transactional-data/Orders/nope')).body).toEqual({
      message: 'Error: ERROR_TRANSACTIONAL_DATA_DOES_NOT_EXIST',
    });
    expect((await api.post('/v2/contacts/transactional-data/1Orders', records[0])).status).toBe(400);
  });

  it('imports the catalogue into account-scope Catalog_Default (v3) and PUT answers 201 then 204', async () => {
    const started = await api.put('/insightData/v3/import', {
      collectionName: 'Catalog_Default',
      collectionScope: 'account',
      collectionType: 'catalog',
      records: [
        { key: 'p1', json: { name: 'Hat', price: 10 } },
        { key: 'p2', json: { sizes: [[1, 2]] } },
      ],
    });
    expect(started.status).toBe(202);
    const id = (started.body as { importId: string }).importId;
    await ctl().post(`/__sim/jobs/${id}/finish`);
    expect((await api.get(`/insightData/v3/import/${id}`)).body).toMatchObject({
      status: 'Complete',
      summary: { totalImported: 1, totalRejected: 1 },
      failures: [{ failureReason: 'JsonContainsNestedArray' }],
    });
    expect((await api.put('/insightData/v3/account/Catalog_Default/p3', { name: 'Scarf' })).status).toBe(201);
    expect((await api.put('/insightData/v3/account/Catalog_Default/p3', { name: 'Scarf 2' })).status).toBe(
      204,
    );
    expect(((await api.get('/v2/transactional-data/Catalog_Default')).body as unknown[]).length).toBe(2);
  });

  it('enrols contacts: validation, 404/422 program errors, Processing then Finished', async () => {
    const c = (await api.post('/v2/contacts', { email: 'new@example.com' })).body as { id: number };
    expect((await api.post('/v2/programs/enrolments', { programId: 1001, contacts: [] })).status).toBe(400);
    expect(
      (
        await api.post('/v2/programs/enrolments', {
          programId: 1001,
          contacts: Array.from({ length: 26 }, (_, i) => i + 1),
        })
      ).status,
    ).toBe(400);
    expect((await api.post('/v2/programs/enrolments', { programId: 9999, contacts: [c.id] })).body).toEqual({
      message: 'Error: ERROR_PROGRAM_NOT_FOUND',
    });
    const inactive = await api.post('/v2/programs/enrolments', { programId: 1005, contacts: [c.id] });
    expect(inactive.status).toBe(422);
    expect(inactive.body).toEqual({ message: 'Error: ERROR_PROGRAM_NOT_ACTIVE' });
    const made = await api.post('/v2/programs/enrolments', { programId: 1001, contacts: [c.id] });
    expect(made.status).toBe(201);
    const e = made.body as { id: string; status: string };
    expect(e.status).toBe('Processing');
    await ctl().post(`/__sim/jobs/${e.id}/finish`);
    expect((await api.get(`/v2/programs/enrolments/${e.id}`)).body).toMatchObject({
      status: 'Finished',
      contacts: [c.id],
    });
  });

  it('shows a job failed through /__sim/ as Failed', async () => {
    const data = Buffer.from('Email\r\na@example.com\r\n').toString('base64');
    const id = ((await api.post('/v2/contacts/import', { filename: 'a.csv', data })).body as { id: string })
      .id;
    await ctl().post(`/__sim/jobs/${id}/fail`);
    expect((await api.get(`/v2/contacts/import/${id}`)).body).toEqual({ id, status: 'Failed' });
    expect(sim.store().contacts.size).toBe(0);
  });
});
