// Runs in: Node (vitest). Owns: `async:true` requests: queued with a requestId, applied only when the job
// finishes (through /__sim/ or after the configured delay), dropped when it fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSalesmanagoSim, type Job, type SalesmanagoSim } from './index.js';
import { simCall, v2, waitFor } from './testing.js';

let sim: SalesmanagoSim;
beforeAll(async () => {
  sim = await startSalesmanagoSim({ asyncDelayMs: null });
});
afterAll(() => sim.close());
beforeEach(() => simCall(sim, 'POST', '/__sim/reset'));

describe('async jobs', () => {
  it('queues an async upsert and applies it when the job finishes', async () => {
    const r = await v2(sim, 'contact/upsert', { contact: { email: 'late@example.com' }, async: true });
    expect(r.body).toMatchObject({ success: true, message: [] });
    const requestId = r.body['requestId'] as string;
    expect(sim.contact('late@example.com')).toBeUndefined();
    expect((await simCall(sim, 'GET', '/__sim/jobs')).body).toEqual([
      expect.objectContaining({ requestId, status: 'pending' }),
    ]);
    const done = await simCall(sim, 'POST', `/__sim/jobs/${requestId}/finish`);
    expect(done.body).toMatchObject({ status: 'done' });
    expect(sim.contact('late@example.com')).toBeDefined();
  });

  it('drops a failed job, and fails a job whose content is invalid when it runs', async () => {
    const r = await v2(sim, 'contact/batchupsert', {
      upsertDetails: [{ contact: { email: 'b@example.com' } }],
      async: true,
    });
    const failed = await simCall(sim, 'POST', `/__sim/jobs/${r.body['requestId'] as string}/fail`, {
      message: 'import error',
    });
    expect(failed.body).toMatchObject({ status: 'failed', error: 'import error' });
    expect(sim.contact('b@example.com')).toBeUndefined();
    const bad = await v2(sim, 'contact/upsert', { contact: { email: 'nope' }, async: true });
    expect(bad.body['success']).toBe(true);
    const job = sim.finishJob(bad.body['requestId'] as string) as Job;
    expect(job.status).toBe('failed');
    expect(job.error).toContain('not valid');
    expect((await simCall(sim, 'POST', '/__sim/jobs/unknown/finish')).status).toBe(404);
  });

  it('applies jobs by itself after asyncDelayMs', async () => {
    const auto = await startSalesmanagoSim({ asyncDelayMs: 20 });
    try {
      await v2(auto, 'contact/upsert', { contact: { email: 'auto@example.com' }, async: true });
      expect(auto.contact('auto@example.com')).toBeUndefined();
      await waitFor(() => auto.contact('auto@example.com') !== undefined);
      expect(auto.jobs()[0]?.status).toBe('done');
    } finally {
      await auto.close();
    }
  });
});
