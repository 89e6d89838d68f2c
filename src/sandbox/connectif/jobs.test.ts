// Runs in: Node (vitest). Owns: tests of Connectif imports (multipart CSV, partial failures with an
// error report, queue cap E0401, states) and exports (validation, E0301, fileUrl only when finished).
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectifSim, type ConnectifSim } from './index.js';
import { call, clock } from './test-support.js';

let sim: ConnectifSim;
afterEach(() => sim.close());

const form = (fields: Record<string, string>, csv?: string): FormData => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (csv !== undefined) f.append('file', new Blob([csv], { type: 'text/csv' }), 'data.csv');
  return f;
};
const upload = (fields: Record<string, string>, csv?: string) =>
  call(sim, 'POST', '/imports/', undefined, { raw: form(fields, csv) });
const control = (path: string) => fetch(sim.url + path, { method: 'POST' });

describe('Connectif simulator: imports', () => {
  it('answers 415 to a non-multipart upload and 422 to a bad form', async () => {
    sim = await startConnectifSim();
    expect((await call(sim, 'POST', '/imports/', { type: 'contacts' })).status).toBe(415);
    const noEmail = await upload({ type: 'contacts' }, 'name\nAna\n');
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.detail).toContain('_email');
    const bad = await upload({ type: 'people', delimiter: '|', updateOnlyEmptyFields: 'true' });
    expect(bad.status).toBe(422);
    for (const w of ['type', 'delimiter', 'updateOnlyEmptyFields', 'file'])
      expect(bad.body.detail).toContain(w);
    expect((await upload({ type: 'coupons' }, 'code\nA1\n')).body.detail).toContain('couponSetId');
  });

  it('runs queued → inProgress → finished by the clock and reports failing rows', async () => {
    const c = clock();
    sim = await startConnectifSim({ now: c.now, jobs: { startAfterMs: 1000, runForMs: 5000 } });
    const csv =
      '_email;_name;_mobilePhone;city\nana@example.com;Ana;+5581999990000;Recife\nnot-an-email;X;;\nbia@example.com;Bia;12345;\n"cy@example.com";"Cy; Jr";;Olinda\n';
    const created = await upload({ type: 'contacts', delimiter: ';', overrideExisting: 'true' }, csv);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'contacts', status: 'queued', total: 4, origin: 'api' });
    const id = String(created.body.id);

    c.advance(1000);
    expect((await call(sim, 'GET', `/imports/${id}`)).body.status).toBe('inProgress');
    expect(sim.contacts.size).toBe(0);
    c.advance(5000);
    const done = await call(sim, 'GET', `/imports/${id}`);
    expect(done.body).toMatchObject({
      status: 'finished',
      success: 2,
      errors: 2,
      finishedAt: '2024-05-01T12:00:06.000Z',
    });
    expect([...sim.contacts.keys()].sort()).toEqual(['ana@example.com', 'cy@example.com']);
    expect(sim.contacts.get('cy@example.com')!.data['_name']).toBe('Cy; Jr');

    const report = await fetch(String(done.body.errorReportFileUrl));
    const text = await report.text();
    expect(text).toMatch(/^line,error/);
    expect(text).toContain('3,');
    expect(text).toContain('4,');
    expect(text).toContain('_mobilePhone');
  });

  it('leaves existing contacts alone unless overrideExisting, and fills only empty fields when asked', async () => {
    sim = await startConnectifSim({ jobs: { mode: 'manual' } });
    await call(sim, 'PATCH', '/contacts/ana@example.com', { _name: 'Ana' });
    const run = async (fields: Record<string, string>): Promise<void> => {
      const r = await upload(
        { type: 'contacts', ...fields },
        '_email,_name,_surname\nana@example.com,Other,Silva\n',
      );
      expect((await control(`/__sim/jobs/${String(r.body.id)}/finish`)).status).toBe(200);
    };
    await run({ overrideExisting: 'false' });
    expect(sim.contacts.get('ana@example.com')!.data).toEqual({ _name: 'Ana' });
    await run({ overrideExisting: 'true', updateOnlyEmptyFields: 'true' });
    expect(sim.contacts.get('ana@example.com')!.data).toEqual({ _name: 'Ana', _surname: 'Silva' });
    await run({ overrideExisting: 'true' });
    expect(sim.contacts.get('ana@example.com')!.data['_name']).toBe('Other');
  });

  it('caps queued imports at 10 (E0401), fails and cancels through /__sim/, and pages the list', async () => {
    sim = await startConnectifSim({ jobs: { mode: 'manual' } });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push(String((await upload({ type: 'products' }, 'productId\n')).body.id));
    const over = await upload({ type: 'products' }, 'productId\n');
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'E0401' });

    expect((await control(`/__sim/jobs/${ids[0]!}/fail`)).status).toBe(200);
    expect((await call(sim, 'GET', `/imports/${ids[0]!}`)).body.status).toBe('error');
    expect((await control(`/__sim/jobs/${ids[0]!}/finish`)).status).toBe(409);
    expect((await control(`/__sim/jobs/${ids[1]!}/cancel`)).status).toBe(200);
    expect((await call(sim, 'GET', `/imports/${ids[1]!}`)).body.status).toBe('cancelled');
    expect((await upload({ type: 'products' }, 'productId\n')).status).toBe(201);

    const page1 = await call(sim, 'GET', '/imports?limit=4');
    expect(page1.body.data).toHaveLength(4);
    expect(page1.body.total).toBe(11);
    expect(page1.body.links.prev).toBeNull();
    const seen = new Set<string>(page1.body.data.map((j: { id: string }) => j.id));
    let next: string | null = page1.body.links.next;
    while (next) {
      const r = await call(sim, 'GET', new URL(next).pathname + new URL(next).search);
      for (const j of r.body.data as Array<{ id: string }>) seen.add(j.id);
      next = r.body.links.next;
    }
    expect(seen.size).toBe(11);
    expect((await call(sim, 'GET', '/imports?limit=0')).status).toBe(422);
    expect((await call(sim, 'GET', '/imports/aaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
  });

  it('imports products with typed cells and reports rows off the Authorized Domains', async () => {
    sim = await startConnectifSim({ jobs: { mode: 'manual' } });
    const csv =
      'productId,name,productDetailUrl,unitPrice,categories\n1,Mug,http://127.0.0.1/p/1,9.5,Home|Home/Kitchen\n2,Cup,https://elsewhere.net/p/2,3,\n';
    const r = await upload({ type: 'products' }, csv);
    await control(`/__sim/jobs/${String(r.body.id)}/finish`);
    const done = await call(sim, 'GET', `/imports/${String(r.body.id)}`);
    expect(done.body).toMatchObject({ success: 1, errors: 1 });
    expect(sim.products.get('1')!.data).toMatchObject({
      unitPrice: 9.5,
      categories: ['Home', 'Home/Kitchen'],
    });
  });
});

describe('Connectif simulator: exports', () => {
  it('validates exports: types, required 31-day range for activities, data-explorer dates', async () => {
    sim = await startConnectifSim();
    expect((await call(sim, 'POST', '/exports/', { exportType: 'orders' })).status).toBe(422);
    const noRange = await call(sim, 'POST', '/exports/', { exportType: 'activities' });
    expect(noRange.body.detail).toContain('filters.fromDate is required');
    const tooLong = await call(sim, 'POST', '/exports/', {
      exportType: 'activities',
      filters: { fromDate: '2024-01-01T00:00:00Z', toDate: '2024-03-01T00:00:00Z' },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.detail).toContain('31 days');
    const de = await call(sim, 'POST', '/exports/type/data-explorer', {
      filters: { reportId: 'r1', fromDate: '2024-01-01T00:00:00Z', toDate: '2024-01-02' },
    });
    expect(de.status).toBe(422);
    expect(de.body.detail).toContain('YYYY-MM-DD');
    const ok = await call(sim, 'POST', '/exports/type/data-explorer', {
      filters: { reportId: 'r1', fromDate: '2024-01-01', toDate: '2024-01-31' },
    });
    expect(ok.status).toBe(201);
  });

  it('gives fileUrl only when finished, a fresh one per read, holding the contacts with their opt-outs', async () => {
    const c = clock();
    sim = await startConnectifSim({ now: c.now, jobs: { mode: 'manual' } });
    await call(sim, 'PATCH', '/contacts/ana@example.com', {
      _newsletterSubscriptionStatus: 'subscribed',
      city: 'Recife',
    });
    await call(sim, 'PATCH', '/contacts/bia@example.com', { _newsletterSubscriptionStatus: 'subscribed' });
    await fetch(`${sim.url}/__sim/contacts/bia@example.com/unsubscribe`, { method: 'POST' });
    const created = await call(sim, 'POST', '/exports/', { exportType: 'contacts', delimiter: ';' });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect(created.body.fileUrl).toBeUndefined();
    await control(`/__sim/jobs/${id}/start`);
    expect((await call(sim, 'GET', `/exports/${id}`)).body).toMatchObject({ status: 'inProgress' });
    expect((await call(sim, 'GET', `/exports/${id}`)).body.fileUrl).toBeUndefined();
    await control(`/__sim/jobs/${id}/finish`);
    const a = await call(sim, 'GET', `/exports/${id}`);
    const b = await call(sim, 'GET', `/exports/${id}`);
    expect(a.body).toMatchObject({ status: 'finished', progress: 100, total: 2, fileExtension: 'csv' });
    expect(a.body.fileUrl).not.toBe(b.body.fileUrl);
    const csv = await (await fetch(String(a.body.fileUrl))).text();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header!.split(';')).toContain('_newsletterSubscriptionStatus');
    expect(header!.split(';')).toContain('city');
    expect(rows.find((r) => r.startsWith('bia@example.com'))).toContain('unsubscribed');

    c.advance(101 * 60 * 1000);
    expect((await fetch(String(a.body.fileUrl))).status).toBe(403);
  });

  it('exports activities in the range, filtered by type (how opt-outs can be pulled in bulk)', async () => {
    const c = clock();
    sim = await startConnectifSim({ now: c.now, jobs: { mode: 'manual' } });
    await call(sim, 'PATCH', '/contacts/ana@example.com', { _newsletterSubscriptionStatus: 'subscribed' });
    c.advance(60_000);
    await fetch(`${sim.url}/__sim/contacts/ana@example.com/unsubscribe`, { method: 'POST' });
    const created = await call(sim, 'POST', '/exports/', {
      exportType: 'activities',
      dateFormat: 'L',
      filters: {
        fromDate: '2024-04-20T00:00:00Z',
        toDate: '2024-05-10T00:00:00Z',
        activityTypes: ['newsletter-unsubscribed'],
      },
    });
    await control(`/__sim/jobs/${String(created.body.id)}/finish`);
    const done = await call(sim, 'GET', `/exports/${String(created.body.id)}`);
    expect(done.body.total).toBe(1);
    const csv = await (await fetch(String(done.body.fileUrl))).text();
    expect(csv).toBe('_email,activityType,date\r\nana@example.com,newsletter-unsubscribed,05/01/2024\r\n');
  });

  it('caps queued exports at 5 (E0301)', async () => {
    sim = await startConnectifSim({ jobs: { mode: 'manual' } });
    for (let i = 0; i < 5; i++)
      expect((await call(sim, 'POST', '/exports/', { exportType: 'contacts' })).status).toBe(201);
    const over = await call(sim, 'POST', '/exports/', { exportType: 'contacts' });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'E0301' });
    expect((await call(sim, 'GET', '/exports?limit=2')).body.links.next).toContain('offset=2');
  });
});
