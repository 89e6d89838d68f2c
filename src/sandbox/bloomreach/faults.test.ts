// Runs in: Node (vitest). Owns: one test per kit fault switch, each seen by a client of the Bloomreach simulator.
import { afterEach, describe, expect, it } from 'vitest';
import { SimControl } from '../kit/index.js';
import { startHarness, type Harness } from './test-helpers.js';

let h: Harness;
afterEach(async () => h.sim.close());

const body = { customer_ids: { email_id: 'ana@example.com' }, properties: { a: 1 } };

async function setup(fault: Parameters<SimControl['fault']>[0]): Promise<SimControl> {
  h = await startHarness();
  const control = new SimControl(h.sim.url);
  await control.fault({ pathIncludes: '/track/', count: 1, ...fault });
  return control;
}

describe('Bloomreach simulator faults', () => {
  it('status: answers the 5xx in Bloomreach shape, once', async () => {
    await setup({ kind: 'status', status: 502 });
    const res = await h.post(h.track('/customers'), body);
    expect(res).toMatchObject({ status: 502, body: { success: false, error: 'Internal server error' } });
    expect((await h.post(h.track('/customers'), body)).status).toBe(200);
    expect(h.sim.customers()).toHaveLength(1);
  });

  it('timeout: holds the socket, then drops it', async () => {
    await setup({ kind: 'timeout', delayMs: 100 });
    const started = Date.now();
    await expect(h.post(h.track('/customers'), body)).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(h.sim.customers()).toHaveLength(0);
  });

  it('reset: the connection is destroyed', async () => {
    await setup({ kind: 'reset' });
    await expect(h.post(h.track('/customers'), body)).rejects.toThrow();
  });

  it('down (as a fault): the request is dropped without an answer', async () => {
    await setup({ kind: 'down' });
    await expect(h.post(h.track('/customers'), body)).rejects.toThrow();
  });

  it('malformed: a 200 whose JSON does not parse', async () => {
    await setup({ kind: 'malformed' });
    const res = await h.post(h.track('/customers'), body);
    expect(res.status).toBe(200);
    expect(typeof res.body).toBe('string');
    expect(() => JSON.parse(res.body as string)).toThrow();
  });

  it('slow: answers normally after the delay', async () => {
    await setup({ kind: 'slow', delayMs: 150 });
    const started = Date.now();
    const res = await h.post(h.track('/customers'), body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.body).toEqual({ success: true });
  });

  it('huge: a 20 MB answer', async () => {
    await setup({ kind: 'huge' });
    const res = await h.post(h.track('/customers'), body);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body).length).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('POST /__sim/down closes the port, which reopens after ms', async () => {
    h = await startHarness();
    expect((await h.simPost('/__sim/down', { ms: 200 })).status).toBe(202);
    let refused = false;
    let recovered = false;
    const deadline = Date.now() + 5_000;
    while (!recovered && Date.now() < deadline) {
      try {
        recovered = (await h.post(h.track('/customers'), body)).status === 200;
      } catch {
        refused = true;
      }
      if (!recovered) await new Promise((r) => setTimeout(r, 10)); // poll interval, not a fixed wait
    }
    expect(refused).toBe(true);
    expect(recovered).toBe(true);
  });
});
