// Runs in: Node (vitest). Owns: v2 contact behaviour: upsert keyed by e-mail, validation messages, rename,
// tags, properties, opt-in flags, double opt-in, delete/restore/purge, contact/basic and batch upserts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { simCall, v2 } from './testing.js';

let sim: SalesmanagoSim;
beforeAll(async () => {
  sim = await startSalesmanagoSim({ maxBatchContacts: 3 });
});
afterAll(() => sim.close());
beforeEach(() => simCall(sim, 'POST', '/__sim/reset'));

describe('contact/upsert', () => {
  it('upserts by e-mail (case-insensitive): a second send updates the same contact', async () => {
    const a = await v2(sim, 'contact/upsert', { contact: { email: 'Ana@Example.com', name: 'Ana' } });
    const b = await v2(sim, 'contact/upsert', {
      contact: { email: 'ana@example.com', phone: '+55 11 5555' },
    });
    expect(b.body['contactId']).toBe(a.body['contactId']);
    expect(sim.contacts()).toHaveLength(1);
    expect(sim.contact('ana@example.com')).toMatchObject({
      name: 'Ana',
      phone: '+55 11 5555',
      owner: sim.credentials.owner,
    });
  });

  it('answers "No email specified" for the plural contacts key or a missing e-mail', async () => {
    const plural = await v2(sim, 'contact/upsert', { contacts: [{ email: 'a@example.com' }] });
    expect(plural.body).toEqual({ success: false, message: ['No email specified'] });
    expect((await v2(sim, 'contact/upsert', { contact: { name: 'x' } })).body['message']).toEqual([
      'No email specified',
    ]);
    expect(sim.contacts()).toHaveLength(0);
  });

  it('refuses e-mails over the documented limits (64 before @, 254 in all)', async () => {
    const long = `${'a'.repeat(65)}@example.com`;
    const r = await v2(sim, 'contact/upsert', { contact: { email: long } });
    expect(r.body['success']).toBe(false);
    expect(String((r.body['message'] as string[])[0])).toContain('64');
    const ok64 = await v2(sim, 'contact/upsert', { contact: { email: `${'a'.repeat(64)}@example.com` } });
    expect(ok64.body['success']).toBe(true);
  });

  it('renames with newEmail, refusing an address another contact holds', async () => {
    const a = await v2(sim, 'contact/upsert', { contact: { email: 'old@example.com' } });
    await v2(sim, 'contact/upsert', { contact: { email: 'taken@example.com' } });
    const clash = await v2(sim, 'contact/upsert', {
      contact: { email: 'old@example.com' },
      newEmail: 'taken@example.com',
    });
    expect(clash.body['success']).toBe(false);
    const r = await v2(sim, 'contact/upsert', {
      contact: { email: 'old@example.com' },
      newEmail: 'new@example.com',
    });
    expect(r.body['contactId']).toBe(a.body['contactId']);
    expect(sim.contact('old@example.com')).toBeUndefined();
    expect(sim.contact('new@example.com')?.contactId).toBe(a.body['contactId']);
  });

  it('adds tags, removes removeTags and merges properties', async () => {
    await v2(sim, 'contact/upsert', {
      contact: { email: 't@example.com' },
      tags: ['bc customer', 'NEWSLETTER'],
      properties: { a: '1', b: 2 },
    });
    await v2(sim, 'contact/upsert', {
      contact: { email: 't@example.com' },
      tags: ['purchase'],
      removeTags: ['newsletter'],
      properties: { b: 'x' },
    });
    const c = sim.contact('t@example.com')!;
    expect(c.tags.sort()).toEqual(['BC_CUSTOMER', 'PURCHASE']);
    expect(c.properties).toEqual({ a: '1', b: 'x' });
  });

  it('sets opt-in state only through the force flags; both at once is an error', async () => {
    await v2(sim, 'contact/upsert', { contact: { email: 'o@example.com' } });
    expect(sim.contact('o@example.com')?.optedOut).toBe(true);
    await v2(sim, 'contact/upsert', {
      contact: { email: 'o@example.com' },
      forceOptIn: true,
      forcePhoneOptIn: true,
    });
    expect(sim.contact('o@example.com')).toMatchObject({ optedOut: false, optedOutPhone: false });
    await v2(sim, 'contact/upsert', {
      contact: { email: 'o@example.com' },
      forceOptIn: false,
      forceOptOut: false,
    });
    expect(sim.contact('o@example.com')?.optedOut).toBe(false);
    const both = await v2(sim, 'contact/upsert', {
      contact: { email: 'o@example.com' },
      forceOptIn: true,
      forceOptOut: true,
    });
    expect(both.body['success']).toBe(false);
    await v2(sim, 'contact/upsert', { contact: { email: 'o@example.com' }, forceOptOut: true });
    expect(sim.contact('o@example.com')?.optedOut).toBe(true);
  });

  it('holds a double opt-in as pending until the contact confirms; an opted-in contact keeps its state', async () => {
    const doi = {
      useApiDoubleOptIn: true,
      apiDoubleOptInEmailTemplateId: 'tpl-1',
      apiDoubleOptInEmailAccountId: 'acc-1',
      apiDoubleOptInEmailSubject: 'Confirm',
      forceOptIn: true,
    };
    const partial = await v2(sim, 'contact/upsert', {
      contact: { email: 'd@example.com' },
      useApiDoubleOptIn: true,
      apiDoubleOptInEmailSubject: 'x',
    });
    expect(partial.body['success']).toBe(false);
    await v2(sim, 'contact/upsert', { contact: { email: 'd@example.com' }, ...doi });
    expect(sim.contact('d@example.com')).toMatchObject({
      optedOut: true,
      doubleOptIn: {
        status: 'pending',
        emailTemplateId: 'tpl-1',
        emailAccountId: 'acc-1',
        emailSubject: 'Confirm',
      },
    });
    const confirm = await simCall(sim, 'POST', '/__sim/contacts/confirm-doi', { email: 'd@example.com' });
    expect(confirm.status).toBe(200);
    expect(sim.contact('d@example.com')).toMatchObject({
      optedOut: false,
      doubleOptIn: { status: 'confirmed' },
    });
    await v2(sim, 'contact/upsert', { contact: { email: 'in@example.com' }, forceOptIn: true });
    await v2(sim, 'contact/upsert', { contact: { email: 'in@example.com' }, ...doi });
    expect(sim.contact('in@example.com')).toMatchObject({ optedOut: false });
    expect(sim.contact('in@example.com')?.doubleOptIn).toBeUndefined();
  });
});

describe('delete and contact/basic', () => {
  it('marks a deleted contact removed, restores it on re-send, and purges it overnight', async () => {
    const a = await v2(sim, 'contact/upsert', { contact: { email: 'del@example.com' } });
    expect((await v2(sim, 'contact/delete', { email: 'del@example.com' })).body).toEqual({
      success: true,
      message: [],
    });
    const basic = await v2(sim, 'contact/basic', { email: ['del@example.com', 'ghost@example.com'] });
    expect(basic.body['contacts']).toEqual([
      expect.objectContaining({ id: a.body['contactId'], deleted: true, optedOut: true }),
    ]);
    expect((await v2(sim, 'contact/delete', { email: 'del@example.com' })).body['success']).toBe(false);
    const back = await v2(sim, 'contact/upsert', { contact: { email: 'del@example.com' } });
    expect(back.body['contactId']).toBe(a.body['contactId']);
    expect(sim.contact('del@example.com')?.deleted).toBe(false);
    await v2(sim, 'contact/delete', { email: 'del@example.com' });
    expect((await simCall(sim, 'POST', '/__sim/purge')).body).toEqual({ purged: 1 });
    const gone = await v2(sim, 'contact/basic', { email: ['del@example.com'] });
    expect(gone.body['contacts']).toEqual([]);
  });

  it('answers hasContact and list for live contacts only', async () => {
    await v2(sim, 'contact/upsert', { contact: { email: 'h@example.com' }, tags: ['x'] });
    expect((await v2(sim, 'contact/hasContact', { email: 'h@example.com' })).body['result']).toBe(true);
    expect((await v2(sim, 'contact/hasContact', { email: 'no@example.com' })).body['result']).toBe(false);
    const list = await v2(sim, 'contact/list', { email: ['h@example.com'] });
    expect(list.body['contacts']).toEqual([
      expect.objectContaining({ email: 'h@example.com', contactTags: [{ tag: 'X' }] }),
    ]);
  });
});

describe('batchupsert', () => {
  it('returns contactIds for the good details and names the failures (partial failure)', async () => {
    for (const method of ['contact/batchupsert', 'contact/batchupsertv2']) {
      const r = await v2(sim, method, {
        upsertDetails: [
          { contact: { email: 'b1@example.com' } },
          { contact: { email: 'not-an-email' } },
          { contacts: [] },
        ],
      });
      expect(r.body['success']).toBe(true);
      expect(Object.keys(r.body['contactIds'] as object)).toEqual(['b1@example.com']);
      expect(r.body['failedContacts']).toEqual(['not-an-email', 'upsertDetails[2]']);
      expect((r.body['message'] as string[]).length).toBe(2);
    }
    expect(sim.contacts()).toHaveLength(1);
  });

  it('refuses more details than the limit and a batch where every detail fails', async () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ contact: { email: `m${i}@example.com` } }));
    const over = await v2(sim, 'contact/batchupsert', { upsertDetails: four });
    expect(over.body['success']).toBe(false);
    expect(sim.contacts()).toHaveLength(0);
    const allBad = await v2(sim, 'contact/batchupsert', { upsertDetails: [{ contact: { email: 'x' } }] });
    expect(allBad.body['success']).toBe(false);
  });
});
