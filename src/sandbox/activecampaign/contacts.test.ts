// Runs in: Node (vitest). Owns: tests of contacts, pagination, tags, lists and custom fields.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClient, type Client } from './test-helpers.js';

let c: Client;
beforeEach(async () => {
  c = await startClient();
});
afterEach(async () => c.sim.close());

describe('contacts', () => {
  it('contact/sync upserts by email, case-insensitively (201 then 200, same id)', async () => {
    const first = await c.ac('POST', '/contact/sync', {
      contact: { email: 'Ann@Example.com', firstName: 'Ann' },
    });
    expect(first.status).toBe(201);
    const second = await c.ac('POST', '/contact/sync', {
      contact: { email: 'ann@example.com', lastName: 'Lee' },
    });
    expect(second.status).toBe(200);
    expect(second.body.contact.id).toBe(first.body.contact.id);
    expect(c.sim.state().contacts).toHaveLength(1);
    expect(c.sim.state().contacts[0]).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
  });

  it('POST /contacts refuses a second contact with the same email with the documented 422', async () => {
    expect((await c.ac('POST', '/contacts', { contact: { email: 'bo@example.com' } })).status).toBe(201);
    const dup = await c.ac('POST', '/contacts', { contact: { email: 'BO@example.com' } });
    expect(dup).toMatchObject({
      status: 422,
      body: {
        errors: [
          {
            title: 'Email address already exists in the system',
            detail: '',
            code: 'duplicate',
            source: { pointer: '/data/attributes/email' },
          },
        ],
      },
    });
  });

  it('validates email: missing and malformed answer 422 with a pointer', async () => {
    const missing = await c.ac('POST', '/contact/sync', { contact: { firstName: 'x' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      code: 'field_missing',
      source: { pointer: '/data/attributes/email' },
    });
    const bad = await c.ac('POST', '/contact/sync', { contact: { email: 'not-an-email' } });
    expect(bad.body.errors[0].code).toBe('field_invalid');
  });

  it('paginates with limit (default 20, max 100) and offset, meta.total as a string', async () => {
    for (let i = 0; i < 105; i++)
      await c.ac('POST', '/contact/sync', { contact: { email: `p${i}@example.com` } });
    const def = await c.ac('GET', '/contacts');
    expect(def.body.contacts).toHaveLength(20);
    expect(def.body.meta.total).toBe('105');
    const capped = await c.ac('GET', '/contacts?limit=500');
    expect(capped.body.contacts).toHaveLength(100);
    const last = await c.ac('GET', '/contacts?limit=100&offset=100');
    expect(last.body.contacts.map((x: { email: string }) => x.email)).toEqual([
      'p100@example.com',
      'p101@example.com',
      'p102@example.com',
      'p103@example.com',
      'p104@example.com',
    ]);
    expect((await c.ac('GET', '/contacts?email=P7@example.com')).body.contacts).toHaveLength(1);
  });

  it('deletes a contact (200 {}), then answers the documented 404 message', async () => {
    const id = (await c.ac('POST', '/contact/sync', { contact: { email: 'gone@example.com' } })).body.contact
      .id;
    expect(await c.ac('DELETE', `/contacts/${id}`)).toMatchObject({ status: 200, body: {} });
    expect(await c.ac('DELETE', `/contacts/${id}`)).toMatchObject({
      status: 404,
      body: { message: `No result found for contact with id ${id}` },
    });
    expect(await c.ac('GET', `/contacts/${id}`)).toMatchObject({
      status: 404,
      body: { message: `No Result found for Subscriber with id ${id}` },
    });
  });
});

describe('tags and lists', () => {
  it('tag names are unique case-insensitively and may not hold commas; tagging twice keeps one link', async () => {
    const tag = await c.ac('POST', '/tags', { tag: { tag: 'bigcommerce-customer', tagType: 'contact' } });
    expect(tag.status).toBe(201);
    expect((await c.ac('POST', '/tags', { tag: { tag: 'BigCommerce-Customer' } })).body.errors[0].code).toBe(
      'duplicate',
    );
    expect((await c.ac('POST', '/tags', { tag: { tag: 'a,b' } })).status).toBe(422);
    expect((await c.ac('GET', '/tags?search=bigcommerce')).body.meta.total).toBe('1');
    const contact = (await c.ac('POST', '/contact/sync', { contact: { email: 't@example.com' } })).body
      .contact.id;
    const link = { contactTag: { contact, tag: tag.body.tag.id } };
    const one = await c.ac('POST', '/contactTags', link);
    const two = await c.ac('POST', '/contactTags', link);
    expect(one.status).toBe(201);
    expect(two.body.contactTag.id).toBe(one.body.contactTag.id);
    expect(
      await c.ac('POST', '/contactTags', { contactTag: { contact: 999, tag: tag.body.tag.id } }),
    ).toMatchObject({
      status: 404,
      body: { errors: [{ status: 404, title: 'Not Found', detail: 'Contact not found' }] },
    });
    expect((await c.ac('POST', '/contactTags', { contactTag: { tag: 1 } })).body.errors[0]).toMatchObject({
      status: 422,
      title: 'Missing attribute',
      source: { pointer: '/data/attributes/contact' },
    });
  });

  it('contactLists subscribes and unsubscribes; a move back from 2 to 1 is a resubscribe (sourceid 4)', async () => {
    const list = (
      await c.ac('POST', '/lists', {
        list: {
          name: 'Master Contact List',
          stringid: 'master',
          sender_url: 'https://x',
          sender_reminder: 'You bought',
        },
      })
    ).body.list.id;
    expect((await c.ac('POST', '/lists', { list: { name: 'no stringid' } })).status).toBe(422);
    const contact = (await c.ac('POST', '/contact/sync', { contact: { email: 'l@example.com' } })).body
      .contact.id;
    const sub = await c.ac('POST', '/contactLists', { contactList: { list, contact, status: 1 } });
    expect(sub.status).toBe(200);
    expect(sub.body.contactList.status).toBe(1);
    await c.ac('POST', '/contactLists', { contactList: { list, contact, status: 2 } });
    const back = await c.ac('POST', '/contactLists', { contactList: { list, contact, status: 1 } });
    expect(back.body.contactList.sourceid).toBe('4');
    expect((await c.ac('GET', `/contacts/${contact}/contactLists`)).body.contactLists).toHaveLength(1);
    expect((await c.ac('POST', '/contactLists', { contactList: { list, contact, status: 7 } })).status).toBe(
      422,
    );
  });
});

describe('custom fields', () => {
  it('creates fields (duplicate title 422), checks values by type and keeps one value per contact and field', async () => {
    const date = (await c.ac('POST', '/fields', { field: { title: 'Birthday', type: 'date' } })).body.field
      .id;
    const dup = await c.ac('POST', '/fields', { field: { title: 'birthday', type: 'text' } });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0]).toMatchObject({
      title: 'There is already a field with this title',
      code: 'duplicate',
    });
    expect((await c.ac('POST', '/fields', { field: { title: 'X', type: 'rainbow' } })).status).toBe(422);
    const bad = await c.ac('POST', '/contact/sync', {
      contact: { email: 'f@example.com', fieldValues: [{ field: date, value: '05/01/1990' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].source.pointer).toBe('/data/attributes/fieldValues/0/value');
    const ok = await c.ac('POST', '/contact/sync', {
      contact: { email: 'f@example.com', fieldValues: [{ field: date, value: '1990-05-01' }] },
    });
    expect(ok.body.fieldValues[0]).toMatchObject({ field: date, value: '1990-05-01' });
    const contact = ok.body.contact.id;
    await c.ac('POST', '/fieldValues', { fieldValue: { contact, field: date, value: '1991-06-02' } });
    expect((await c.ac('GET', `/contacts/${contact}/fieldValues`)).body.fieldValues).toHaveLength(1);
    expect(c.sim.state().contacts[0]!.fieldValues).toEqual({ [date]: '1991-06-02' });
    const sel = (await c.ac('POST', '/fields', { field: { title: 'Size', type: 'dropdown' } })).body.field.id;
    await c.ac('POST', '/fieldOption/bulk', {
      fieldOptions: [
        { field: sel, label: 'S', value: 'S' },
        { field: sel, label: 'M', value: 'M' },
      ],
    });
    expect(
      (await c.ac('POST', '/fieldValues', { fieldValue: { contact, field: sel, value: 'XL' } })).status,
    ).toBe(422);
    expect(
      (await c.ac('POST', '/fieldValues', { fieldValue: { contact, field: sel, value: 'M' } })).status,
    ).toBe(200);
  });
});
