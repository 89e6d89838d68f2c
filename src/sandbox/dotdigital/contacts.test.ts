// Runs in: Node (vitest). Owns: tests of v2/v3 contact upsert, validation bodies, books, data fields,
// paging, double opt-in and platform-side opt-out through /__sim/.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DotdigitalSim, startDotdigitalSim } from './index.js';
import { TestClient } from './test-client.js';

describe('dotdigital contacts', () => {
  let sim: DotdigitalSim;
  let api: TestClient;
  let ctl: TestClient;
  beforeAll(async () => {
    sim = await startDotdigitalSim();
    const c = sim.credentials[0]!;
    api = new TestClient(sim.url, c.username, c.password);
    ctl = new TestClient(sim.url);
  });
  beforeEach(() => sim.reset());
  afterAll(() => sim.close());

  it('upserts v2 contacts by email, case-insensitively', async () => {
    const a = await api.post('/v2/contacts', {
      email: 'Ann@Example.com',
      dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }],
    });
    expect(a.status).toBe(201);
    const b = await api.post('/v2/contacts', {
      email: 'ann@example.com',
      dataFields: [{ key: 'lastname', value: 'Lee' }],
    });
    expect((b.body as { id: number }).id).toBe((a.body as { id: number }).id);
    expect(sim.store().contacts.size).toBe(1);
    expect(sim.store().byEmail('ann@example.com')?.dataFields).toMatchObject({
      FIRSTNAME: 'Ann',
      LASTNAME: 'Lee',
    });
  });

  it('refuses bad input with the documented v2 messages', async () => {
    expect((await api.post('/v2/contacts', { email: 'not-an-email' })).body).toEqual({
      message: 'Email is not a valid email address. ERROR_PARAMETER_INVALID',
    });
    const unknown = await api.post('/v2/contacts', {
      email: 'a@example.com',
      dataFields: [{ key: 'SHOE_SIZE', value: '9' }],
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { message: string }).message).toMatch(/ERROR_DATAFIELD_NOTFOUND$/);
    expect(
      (
        (await api.post('/v2/contacts', { email: 'a@example.com', optInType: 'Triple' })).body as {
          message: string;
        }
      ).message,
    ).toMatch(/ERROR_PARAMETER_INVALID$/);
    expect(((await api.get('/v2/contacts/404@example.com')).body as { message: string }).message).toBe(
      'Error: ERROR_CONTACT_NOT_FOUND',
    );
    expect(sim.store().contacts.size).toBe(0);
  });

  it('validates data fields: name rules, types, duplicates, and typed values on contacts', async () => {
    expect(
      (await api.post('/v2/data-fields', { name: 'THIS_NAME_IS_FAR_TOO_LONG', type: 'String' })).status,
    ).toBe(400);
    expect((await api.post('/v2/data-fields', { name: 'BAD NAME', type: 'String' })).status).toBe(400);
    expect((await api.post('/v2/data-fields', { name: 'ORDERS', type: 'Integer' })).status).toBe(400);
    const made = await api.post('/v2/data-fields', { name: 'ORDERS', type: 'Numeric' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'ORDERS', type: 'Numeric', visibility: 'Private' });
    expect((await api.post('/v2/data-fields', { name: 'orders', type: 'Numeric' })).body).toEqual({
      message: 'Field already exists. ERROR_NON_UNIQUE_DATAFIELD',
    });
    expect(
      (
        await api.post('/v2/contacts', {
          email: 'a@example.com',
          dataFields: [{ key: 'ORDERS', value: 'many' }],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.post('/v2/contacts', {
          email: 'a@example.com',
          dataFields: [{ key: 'ORDERS', value: '3' }],
        })
      ).status,
    ).toBe(201);
  });

  it('creates address books with the documented rules and adds contacts to them', async () => {
    expect((await api.post('/v2/address-books', { name: 'Test' })).body).toEqual({
      message: 'That name is in use already, please choose another. ERROR_ADDRESSBOOK_DUPLICATE',
    });
    expect((await api.post('/v2/address-books', { name: 'x'.repeat(129) })).status).toBe(400);
    const book = (await api.post('/v2/address-books', { name: 'Store subscribers' })).body as {
      id: number;
      visibility: string;
    };
    expect(book.visibility).toBe('Private');
    expect((await api.post('/v2/address-books', { name: 'store SUBSCRIBERS' })).status).toBe(400);
    const test = sim.store().books.get(1)!;
    expect(
      (await api.post(`/v2/address-books/${test.id}/contacts`, { email: 'a@example.com' })).body,
    ).toEqual({ message: 'Address book is not writable. ERROR_ADDRESSBOOK_NOTWRITABLE' });
    expect((await api.post(`/v2/address-books/${book.id}/contacts`, { email: 'a@example.com' })).status).toBe(
      200,
    );
    expect((await api.post(`/v2/address-books/${book.id}/contacts`, { email: 'A@example.com' })).status).toBe(
      200,
    );
    expect(((await api.get(`/v2/address-books/${book.id}`)).body as { contacts: number }).contacts).toBe(1);
  });

  it('pages v2 lists with select and skip (1..1000)', async () => {
    for (let i = 0; i < 5; i++) await api.post('/v2/contacts', { email: `p${i}@example.com` });
    const first = (await api.get('/v2/contacts?select=2')).body as Array<{ email: string }>;
    const second = (await api.get('/v2/contacts?select=2&skip=2')).body as Array<{ email: string }>;
    const last = (await api.get('/v2/contacts?select=2&skip=4')).body as Array<{ email: string }>;
    expect([...first, ...second, ...last].map((c) => c.email)).toEqual(
      ['p0', 'p1', 'p2', 'p3', 'p4'].map((p) => `${p}@example.com`),
    );
    expect((await api.get('/v2/contacts?select=1001')).status).toBe(400);
    expect((await api.get('/v2/contacts?select=0')).status).toBe(400);
  });

  it('keeps a double opt-in subscriber out of the book until they confirm', async () => {
    const book = (await api.post('/v2/address-books', { name: 'Subs' })).body as { id: number };
    const a = await api.post(`/v2/address-books/${book.id}/contacts`, {
      email: 'doi@example.com',
      optInType: 'VerifiedDouble',
    });
    expect((a.body as { status: string }).status).toBe('PendingOptIn');
    expect(((await api.get(`/v2/address-books/${book.id}/contacts`)).body as unknown[]).length).toBe(0);
    expect((await ctl.post('/__sim/contacts/doi@example.com/confirm-opt-in')).status).toBe(200);
    const members = (await api.get(`/v2/address-books/${book.id}/contacts`)).body as Array<{
      email: string;
      status: string;
    }>;
    expect(members).toMatchObject([{ email: 'doi@example.com', status: 'Subscribed' }]);
  });

  it('lets a platform-side unsubscribe show in unsubscribed-since and refuses re-adding to a book', async () => {
    const book = (await api.post('/v2/address-books', { name: 'Subs' })).body as { id: number };
    await api.post(`/v2/address-books/${book.id}/contacts`, { email: 'leaver@example.com' });
    await api.post(`/v2/address-books/${book.id}/contacts`, { email: 'stayer@example.com' });
    expect((await ctl.post('/__sim/contacts/leaver@example.com/unsubscribe')).status).toBe(200);
    const since = new Date(Date.now() - 60_000).toISOString().slice(0, 19);
    const rows = (await api.get(`/v2/contacts/unsubscribed-since/${since}`)).body as Array<{
      suppressedContact: { email: string; status: string };
      reason: string;
    }>;
    expect(rows.map((r) => r.suppressedContact.email)).toEqual(['leaver@example.com']);
    expect(rows[0]).toMatchObject({ reason: 'Unsubscribed', suppressedContact: { status: 'Unsubscribed' } });
    const future = new Date(Date.now() + 60_000).toISOString().slice(0, 19);
    expect((await api.get(`/v2/contacts/unsubscribed-since/${future}`)).body).toEqual([]);
    expect(
      (await api.post(`/v2/address-books/${book.id}/contacts`, { email: 'leaver@example.com' })).body,
    ).toEqual({ message: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED' });
    const re = await api.post('/v2/contacts/resubscribe', {
      unsubscribedContact: { email: 'leaver@example.com' },
    });
    expect(re.body).toMatchObject({ status: 'ContactChallenged' });
  });

  it('unsubscribes through the API with suppressedContact and dateRemoved', async () => {
    await api.post('/v2/contacts', { email: 'u@example.com' });
    const a = await api.post('/v2/contacts/unsubscribe', { email: 'u@example.com' });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      suppressedContact: { email: 'u@example.com', status: 'Unsubscribed' },
      reason: 'Unsubscribed',
    });
    expect(typeof (a.body as { dateRemoved: string }).dateRemoved).toBe('string');
  });

  it('v3 PATCH creates (201) then updates (200), honours merge-option and null clears', async () => {
    const path = '/contacts/v3/email/v3@example.com';
    const created = await api.patch(path, { dataFields: { FIRSTNAME: 'Vee', LASTNAME: 'Three' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ identifiers: { email: 'v3@example.com' }, status: 'subscribed' });
    expect(
      (await api.patch(`${path}?merge-option=overwrite-if-empty`, { dataFields: { FIRSTNAME: 'Other' } }))
        .status,
    ).toBe(200);
    expect(sim.store().byEmail('v3@example.com')?.dataFields.FIRSTNAME).toBe('Vee');
    await api.patch(`${path}?merge-option=overwrite-if-not-empty`, { dataFields: { FIRSTNAME: '' } });
    expect(sim.store().byEmail('v3@example.com')?.dataFields.FIRSTNAME).toBe('Vee');
    await api.patch(path, { dataFields: { LASTNAME: null } });
    expect(sim.store().byEmail('v3@example.com')?.dataFields.LASTNAME).toBeUndefined();
    expect(sim.store().contacts.size).toBe(1);
  });

  it('v3 PATCH answers 409 on an identifier conflict and 400 with details on bad input', async () => {
    await api.patch('/contacts/v3/email/one@example.com', {});
    await api.patch('/contacts/v3/email/two@example.com', {});
    const clash = await api.patch('/contacts/v3/email/two@example.com', {
      identifiers: { email: 'one@example.com' },
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ errorCode: 'contacts:identifierConflict' });
    const bad = await api.patch('/contacts/v3/email/two@example.com', {
      channelProperties: { email: { optInType: 'Single' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ details: [{ item: 'channelProperties.email.optInType' }] });
  });

  it('v3 PATCH with verifiedDouble stays pendingOptIn in its lists until confirmed', async () => {
    const book = (await api.post('/v2/address-books', { name: 'Subs' })).body as { id: number };
    const a = await api.patch('/contacts/v3/email/dd@example.com', {
      lists: [book.id],
      channelProperties: { email: { optInType: 'verifiedDouble' } },
    });
    expect(a.body).toMatchObject({ status: 'pendingOptIn', lists: [{ id: book.id, status: 'pending' }] });
    await ctl.post('/__sim/contacts/dd@example.com/confirm-opt-in');
    expect((await api.get('/contacts/v3/email/dd@example.com')).body).toMatchObject({
      status: 'subscribed',
      lists: [{ id: book.id, status: 'subscribed' }],
    });
  });

  it('v3 lists page with a marker until no next link', async () => {
    for (let i = 0; i < 5; i++) await api.patch(`/contacts/v3/email/m${i}@example.com`, {});
    const emails: string[] = [];
    let next: string | undefined = '/contacts/v3?limit=2';
    while (next) {
      const page = (await api.get(next)).body as {
        _items: Array<{ identifiers: { email: string } }>;
        _links: { next?: { link: string } };
      };
      emails.push(...page._items.map((c) => c.identifiers.email));
      next = page._links.next?.link;
    }
    expect(emails).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'].map((m) => `${m}@example.com`));
  });
});
