// Runs in: Node (vitest). Owns: the spec check: drives every implemented endpoint (successes and
// documented errors) and validates each answer against the vendor's OpenAPI response schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DotdigitalSim, startDotdigitalSim } from './index.js';
import { SpecValidator } from './spec-validator.js';
import { TestClient } from './test-client.js';

describe('dotdigital answers match the vendor OpenAPI files', () => {
  let sim: DotdigitalSim;
  let api: TestClient;
  beforeAll(async () => {
    sim = await startDotdigitalSim();
    api = new TestClient(sim.url, sim.credentials[0]!.username, sim.credentials[0]!.password);
  });
  afterAll(() => sim.close());

  it('validates every answer of a full tour of the implemented endpoints', async () => {
    const ctl = new TestClient(sim.url);
    await api.get('/v2/account-info');
    await api.get('/v2/server-time');
    await api.post('/v2/data-fields', { name: 'COMPANY', type: 'String' });
    await api.get('/v2/data-fields');
    const book = (await api.post('/v2/address-books', { name: 'Customers', visibility: 'Public' })).body as {
      id: number;
    };
    await api.get('/v2/address-books');
    await api.get(`/v2/address-books/${book.id}`);
    await api.put(`/v2/address-books/${book.id}`, { name: 'Store customers' });
    const c = (
      await api.post('/v2/contacts', {
        email: 'tour@example.com',
        optInType: 'Single',
        emailType: 'Html',
        dataFields: [{ key: 'FIRSTNAME', value: 'Tour' }],
      })
    ).body as { id: number };
    await api.post('/v2/contacts/with-consent', {
      contact: { email: 'consent@example.com' },
      consentFields: [
        {
          fields: [
            { key: 'TEXT', value: 'Yes' },
            { key: 'URL', value: 'https://shop.example/' },
            { key: 'IPADDRESS', value: '10.0.0.2' },
            { key: 'USERAGENT', value: 'UA' },
          ],
        },
      ],
    });
    await api.get('/v2/contacts');
    await api.get(`/v2/contacts/${c.id}`);
    await api.get('/v2/contacts/tour@example.com');
    await api.put(`/v2/contacts/${c.id}`, {
      email: 'tour@example.com',
      dataFields: [{ key: 'COMPANY', value: 'ACME' }],
    });
    await api.get('/v2/contacts/created-since/2020-01-01');
    await api.get('/v2/contacts/modified-since/2020-01-01');
    await api.post(`/v2/address-books/${book.id}/contacts`, { email: 'tour@example.com' });
    await api.get(`/v2/address-books/${book.id}/contacts`);
    await api.get(`/v2/contacts/${c.id}/address-books`);
    await api.post(`/v2/address-books/${book.id}/contacts/unsubscribe`, { email: 'tour@example.com' });
    await api.get(`/v2/address-books/${book.id}/contacts/unsubscribed-since/2020-01-01`);
    await api.post(`/v2/address-books/${book.id}/contacts`, { email: 'tour@example.com' });
    await api.del(`/v2/address-books/${book.id}/contacts/${c.id}`);
    const csv = Buffer.from('Email,FIRSTNAME\r\nimp@example.com,Imp\r\n').toString('base64');
    const imp = (await api.post('/v2/contacts/import', { filename: 'a.csv', data: csv })).body as {
      id: string;
    };
    await api.post(`/v2/address-books/${book.id}/contacts/import/with-merge-option/1`, {
      filename: 'b.csv',
      data: csv,
    });
    await api.get(`/v2/contacts/import/${imp.id}`);
    await api.get(`/v2/contacts/import/${imp.id}/report`);
    await api.post('/v2/contacts/transactional-data/Orders', {
      key: 'o1',
      contactIdentifier: 'tour@example.com',
      json: { total: 5 },
    });
    await api.post('/v2/contacts/transactional-data/Orders/o1', { json: { total: 6 } });
    await api.get('/v2/contacts/transactional-data/Orders/o1');
    await api.get('/v2/contacts/tour@example.com/transactional-data/Orders');
    const ti = (
      await api.post('/v2/contacts/transactional-data/import/Catalog_Default', [
        { key: 'p1', contactIdentifier: 'account', json: { name: 'Hat' } },
      ])
    ).body as { id: string };
    await api.get(`/v2/contacts/transactional-data/import/${ti.id}`);
    await api.get(`/v2/contacts/transactional-data/import/${ti.id}/report`);
    await api.get('/v2/transactional-data/Catalog_Default');
    await api.get('/v2/contacts/transactional-data-collections');
    await api.del('/v2/contacts/transactional-data/Orders/o1');
    await api.del('/v2/contacts/tour@example.com/transactional-data/Orders');
    await api.get('/v2/programs');
    await api.get('/v2/programs/1001');
    const e = (await api.post('/v2/programs/enrolments', { programId: 1001, contacts: [c.id] })).body as {
      id: string;
    };
    await api.get(`/v2/programs/enrolments/${e.id}`);
    await api.get('/v2/programs/enrolments/Finished');
    await api.post('/v2/programs/enrolments', { programId: 9999, contacts: [c.id] });
    await api.post('/v2/programs/enrolments', { programId: 1005, contacts: [c.id] });
    await api.post('/v2/programs/enrolments', { programId: 1001, contacts: [] });
    await api.post('/v2/contacts/unsubscribe', { email: 'consent@example.com' });
    await api.get('/v2/contacts/unsubscribed-since/2020-01-01');
    await api.get('/v2/contacts/suppressed-since/2020-01-01');
    await api.post('/v2/contacts/resubscribe', { unsubscribedContact: { email: 'consent@example.com' } });
    await api.post('/v2/contacts/resubscribe-with-no-challenge', {
      unsubscribedContact: { email: 'consent@example.com' },
    });
    // v3 contacts
    await api.patch(`/contacts/v3/email/v3tour@example.com`, {
      identifiers: { mobileNumber: '+447700900123' },
      dataFields: { FIRSTNAME: 'V' },
      lists: [book.id],
      channelProperties: { email: { status: 'subscribed', emailType: 'html', optInType: 'single' } },
      consentRecords: [
        {
          text: 'ok',
          dateTimeConsented: '2024-01-01T10:00:00Z',
          url: 'https://shop.example/',
          ipAddress: '10.0.0.1',
          userAgent: 'UA',
        },
      ],
    });
    await api.patch(`/contacts/v3/email/v3tour@example.com`, { dataFields: { FIRSTNAME: 'W' } });
    await api.patch(`/contacts/v3/email/v3tour@example.com`, { identifiers: { email: 'tour@example.com' } });
    await api.patch(`/contacts/v3/email/v3tour@example.com`, { lists: 'nope' });
    await api.post('/contacts/v3', { identifiers: { email: 'created@example.com' } });
    await api.post('/contacts/v3', { identifiers: { email: 'created@example.com' } });
    await api.get('/contacts/v3?limit=2');
    await api.get('/contacts/v3/email/v3tour@example.com');
    await api.get('/contacts/v3/email/missing@example.com');
    const v3i = (
      await api.put('/contacts/v3/import', {
        contacts: [
          { matchIdentifier: 'email', identifiers: { email: 'bulk@example.com' } },
          { matchIdentifier: 'email', identifiers: { email: 'x' } },
        ],
      })
    ).body as { importId: string };
    await api.get(`/contacts/v3/import/${v3i.importId}`);
    await api.del('/contacts/v3/email/created@example.com');
    // v3 Insight
    const ii = (
      await api.put('/insightData/v3/import', {
        collectionName: 'Orders3',
        collectionScope: 'contact',
        collectionType: 'orders',
        records: [
          { key: 'a', json: { t: 1 }, contactIdentity: { identifier: 'email', value: 'v3tour@example.com' } },
          { key: 'b', json: { t: 2 }, contactIdentity: { identifier: 'email', value: 'nobody@example.com' } },
        ],
      })
    ).body as { importId: string };
    await api.get(`/insightData/v3/import/${ii.importId}`);
    await api.put('/insightData/v3/import', {
      collectionName: '9bad',
      collectionScope: 'account',
      collectionType: 'catalog',
      records: [],
    });
    await api.put('/insightData/v3/account/Catalog_Default/p9', { name: 'Scarf' });
    await api.put('/insightData/v3/contacts/email/v3tour@example.com/Orders3/c', { t: 3 });
    await api.get('/insightData/v3/collections');
    await api.get('/insightData/v3/account/Catalog_Default');
    await api.get('/insightData/v3/account/Catalog_Default/p9');
    await api.get('/insightData/v3/contacts/email/v3tour@example.com/Orders3');
    await api.del('/insightData/v3/account/Catalog_Default/p9');
    await api.del(`/v2/contacts/${c.id}`);
    await api.del(`/v2/address-books/${book.id}`);
    await api.call('DELETE', '/v2/data-fields/COMPANY');
    await ctl.get('/__sim/contacts');

    const v = new SpecValidator();
    const failures: string[] = [];
    const validated = new Set<string>();
    for (const a of api.seen) {
      const r = v.check(a.method, a.path, a.status, a.body);
      if (r.result === 'no-operation') failures.push(`${a.method} ${a.path}: no operation in the spec files`);
      else if (Array.isArray(r.result)) {
        if (r.result.length > 0) failures.push(`${r.op} ${a.status}: ${r.result.join('; ')}`);
        else validated.add(`${r.op} ${a.status}`);
      }
      expect(a.status, `${a.method} ${a.path}`).toBeLessThan(500);
    }
    expect(failures).toEqual([]);
    // Every success answer with a schema was validated, and the documented error shapes too.
    for (const k of [
      'POST /v2/programs/enrolments 404',
      'POST /v2/programs/enrolments 422',
      'POST /v2/programs/enrolments 400',
      'PATCH /contacts/v3/{identifier}/{value} 409',
      'PATCH /contacts/v3/{identifier}/{value} 400',
      'GET /contacts/v3/{identifier}/{value} 404',
      'PUT /insightData/v3/import 400',
    ])
      expect(validated, k).toContain(k);
    expect(validated.size).toBeGreaterThan(60);
  });
});
