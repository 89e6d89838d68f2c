// Runs in: Node (vitest). Owns: tests of the asynchronous bulk contact import (status, partial failures, /__sim/ jobs).
import { afterEach, describe, expect, it } from 'vitest';
import { startClient, type Client } from './test-helpers.js';

let c: Client;
afterEach(async () => c.sim.close());

describe('bulk import', () => {
  it('queues, stays waiting until its time, then reports new contacts in success and bad emails in failure', async () => {
    let t = 1_000;
    c = await startClient({ jobDelayMs: 2_000, now: () => t });
    await c.ac('POST', '/contact/sync', { contact: { email: 'old@example.com' } });
    const list = (
      await c.ac('POST', '/lists', {
        list: { name: 'L', stringid: 'l', sender_url: 'https://x', sender_reminder: 'r' },
      })
    ).body.list.id;
    const queued = await c.ac('POST', '/import/bulk_import', {
      contacts: [
        {
          email: 'new@example.com',
          first_name: 'N',
          tags: ['bigcommerce-customer'],
          subscribe: [{ listid: Number(list) }],
        },
        { email: 'broken-at-example' },
        { email: 'old@example.com', last_name: 'Updated' },
      ],
    });
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ success: 1, queued_contacts: 3 });
    const batch = queued.body.batchId as string;
    expect((await c.ac('GET', `/import/info?batchId=${batch}`)).body.status).toBe('waiting');
    expect((await c.ac('GET', '/import/bulk_import')).body.outstanding[0]).toMatchObject({
      batches: '1',
      contacts: '3',
    });
    t += 2_000;
    const info = await c.ac('GET', `/import/info?batchId=${batch}`);
    expect(info.body.status).toBe('completed');
    expect(info.body.failure).toEqual(['broken-at-example']);
    // Only newly created contacts are listed in success; the updated one is in neither list.
    expect(info.body.success).toHaveLength(1);
    const state = c.sim.state();
    expect(state.contacts.find((x) => x.email === 'new@example.com')).toMatchObject({
      tags: ['bigcommerce-customer'],
      lists: [{ status: 1 }],
    });
    expect(state.contacts.find((x) => x.email === 'old@example.com')?.lastName).toBe('Updated');
  });

  it('refuses an empty or oversized batch with 400 and needs a batchId to report', async () => {
    c = await startClient();
    expect(await c.ac('POST', '/import/bulk_import', { contacts: [] })).toMatchObject({
      status: 400,
      body: { success: 0 },
    });
    const many = { contacts: Array.from({ length: 251 }, (_, i) => ({ email: `m${i}@example.com` })) };
    expect((await c.ac('POST', '/import/bulk_import', many)).status).toBe(400);
    expect(await c.ac('GET', '/import/info')).toMatchObject({
      status: 400,
      body: { success: 0, message: "'batchId' is a required field." },
    });
  });

  it('in manual mode a job waits for /__sim/ to finish or fail it', async () => {
    c = await startClient({ jobs: 'manual' });
    const a = (
      await c.ac('POST', '/import/bulk_import', {
        contacts: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
      })
    ).body.batchId;
    const b = (
      await c.ac('POST', '/import/bulk_import', {
        contacts: [{ email: 'c@example.com' }, { email: 'd@example.com' }],
      })
    ).body.batchId;
    expect((await c.ac('GET', `/import/info?batchId=${a}`)).body.status).toBe('waiting');
    expect((await c.sim$('POST', `/__sim/jobs/${a}/finish`)).status).toBe(200);
    expect((await c.sim$('POST', `/__sim/jobs/${b}/fail`)).status).toBe(200);
    expect((await c.ac('GET', `/import/info?batchId=${a}`)).body).toMatchObject({
      status: 'completed',
      failure: [],
    });
    expect((await c.ac('GET', `/import/info?batchId=${b}`)).body).toMatchObject({
      status: 'failed',
      success: [],
    });
    expect(c.sim.state().contacts.map((x) => x.email)).toEqual(['a@example.com', 'b@example.com']);
    expect((await c.sim$('POST', '/__sim/jobs/nope/finish')).status).toBe(404);
  });
});
