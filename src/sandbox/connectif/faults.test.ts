// Runs in: Node (vitest). Owns: one test per kit fault switch (status, timeout, reset, malformed, slow,
// huge, down) reaching a client of the Connectif simulator, plus /__sim/reset and /__sim/state.
import { afterEach, describe, expect, it } from 'vitest';
import { SimControl } from '../kit/index.js';
import { startConnectifSim, type ConnectifSim } from './index.js';
import { call } from './test-support.js';

let sim: ConnectifSim;
afterEach(() => sim.close());

const get = (): Promise<Response> =>
  fetch(`${sim.url}/contacts/a@example.com`, {
    headers: { authorization: `apiKey ${sim.credentials.apiKey}` },
  });

describe('Connectif simulator: fault switches', () => {
  it('status: a 5xx in the HttpError envelope, for the matching path only, count times', async () => {
    sim = await startConnectifSim();
    await new SimControl(sim.url).fault({
      kind: 'status',
      status: 502,
      pathIncludes: '/contacts/',
      count: 1,
    });
    const r = await call(sim, 'GET', '/contacts/a@example.com');
    expect(r.status).toBe(502);
    expect(r.body).toEqual({ status: 502, title: 'Bad Gateway', detail: 'Unexpected error' });
    expect((await call(sim, 'GET', '/contacts/a@example.com')).status).toBe(404);
  });

  it('timeout: the socket hangs, then drops without an answer', async () => {
    sim = await startConnectifSim();
    await new SimControl(sim.url).fault({ kind: 'timeout', delayMs: 100, count: 1 });
    const t0 = Date.now();
    await expect(get()).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
  });

  it('reset: the connection is destroyed', async () => {
    sim = await startConnectifSim();
    await new SimControl(sim.url).fault({ kind: 'reset', count: 1 });
    await expect(get()).rejects.toThrow();
    expect((await get()).status).toBe(404);
  });

  it('malformed: a 200 whose JSON does not parse', async () => {
    sim = await startConnectifSim();
    await new SimControl(sim.url).fault({ kind: 'malformed', count: 1 });
    const r = await get();
    expect(r.status).toBe(200);
    await expect(r.json()).rejects.toThrow();
  });

  it('slow: the normal answer, late', async () => {
    sim = await startConnectifSim();
    await new SimControl(sim.url).fault({ kind: 'slow', delayMs: 150, count: 1 });
    const t0 = Date.now();
    const r = await get();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(404);
  });

  it('huge: a 20 MB body', async () => {
    sim = await startConnectifSim();
    await new SimControl(sim.url).fault({ kind: 'huge', count: 1 });
    const body = await (await get()).text();
    expect(body.length).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('down (fault and /__sim/down): connections refused, then back', async () => {
    sim = await startConnectifSim();
    await new SimControl(sim.url).fault({ kind: 'down', count: 1 });
    await expect(get()).rejects.toThrow();
    const down = await fetch(`${sim.url}/__sim/down`, { method: 'POST', body: JSON.stringify({ ms: 200 }) });
    expect(down.status).toBe(202);
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++)
      refused = await get().then(
        () => false,
        () => true,
      );
    expect(refused).toBe(true);
    let back = false;
    for (let i = 0; i < 100 && !back; i++) {
      back = await get().then(
        (r) => r.status === 404,
        () => false,
      );
      if (!back) await new Promise((r) => setTimeout(r, 20));
    }
    expect(back).toBe(true);
  });
});

describe('Connectif simulator: kit control routes', () => {
  it('reports state and requests, and resets data, limits and faults', async () => {
    sim = await startConnectifSim({ rateLimit: { limit: 2 } });
    const ctl = new SimControl(sim.url);
    await call(sim, 'PATCH', '/contacts/a@example.com', {});
    await call(sim, 'GET', '/store/');
    expect((await call(sim, 'GET', '/store/')).status).toBe(429);
    const state = await ctl.state<{ name: string; stores: Array<{ contacts: number }> }>();
    expect(state.name).toBe('connectif');
    expect(state.stores[0]!.contacts).toBe(1);
    expect((await ctl.requests()).map((r) => r.status)).toEqual([200, 200, 429]);
    await ctl.fault({ kind: 'status' });
    await ctl.reset();
    expect(sim.contacts.size).toBe(0);
    expect((await call(sim, 'GET', '/store/')).status).toBe(200);
  });
});
