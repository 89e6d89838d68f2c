// Runs in: Node (vitest). Owns: one test per kit fault switch, each reaching a real client call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimControl } from '../kit/index.js';
import { type DotdigitalSim, startDotdigitalSim } from './index.js';
import { TestClient, until } from './test-client.js';

describe('dotdigital fault switches', () => {
  let sim: DotdigitalSim;
  let api: TestClient;
  let ctl: SimControl;
  beforeAll(async () => {
    sim = await startDotdigitalSim();
    api = new TestClient(sim.url, sim.credentials[0]!.username, sim.credentials[0]!.password);
    ctl = new SimControl(sim.url);
  });
  beforeEach(() => ctl.reset());
  afterAll(() => sim.close());

  it('status: answers the chosen 5xx in the v2 shape once', async () => {
    await ctl.fault({ kind: 'status', status: 503, count: 1 });
    const a = await api.get('/v2/data-fields');
    expect(a.status).toBe(503);
    expect(a.body).toEqual({ message: 'An error has occurred.' });
    expect((await api.get('/v2/data-fields')).status).toBe(200);
  });
  it('timeout: holds then drops the socket', async () => {
    await ctl.fault({ kind: 'timeout', delayMs: 50, count: 1 });
    await expect(api.get('/v2/data-fields')).rejects.toThrow();
  });
  it('reset: drops the connection', async () => {
    await ctl.fault({ kind: 'reset', count: 1 });
    await expect(api.get('/v2/data-fields')).rejects.toThrow();
  });
  it('malformed: answers truncated JSON', async () => {
    await ctl.fault({ kind: 'malformed', count: 1 });
    const a = await api.get('/v2/data-fields');
    expect(() => JSON.parse(a.text) as unknown).toThrow();
  });
  it('slow: delays then answers normally', async () => {
    await ctl.fault({ kind: 'slow', delayMs: 120, count: 1 });
    const t0 = Date.now();
    expect((await api.get('/v2/data-fields')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });
  it('down (fault): refuses matching requests', async () => {
    await ctl.fault({ kind: 'down', pathIncludes: '/v2/data-fields', count: 1 });
    await expect(api.get('/v2/data-fields')).rejects.toThrow();
  });
  it('huge: answers a body of many megabytes', async () => {
    await ctl.fault({ kind: 'huge', count: 1 });
    expect((await api.get('/v2/data-fields')).text.length).toBeGreaterThan(10_000_000);
  });
  it('POST /__sim/down closes the port and reopens it after ms', async () => {
    const res = await fetch(`${sim.url}/__sim/down`, {
      method: 'POST',
      body: JSON.stringify({ ms: 200 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(202);
    await until(async () =>
      (await api.get('/v2/data-fields').then(
        () => false,
        () => true,
      ))
        ? true
        : undefined,
    );
    await until(async () =>
      (await api.get('/v2/data-fields').then(
        (a) => a.status === 200,
        () => false,
      ))
        ? true
        : undefined,
    );
  });
  it('GET /__sim/requests lists the calls the client made', async () => {
    await api.get('/v2/address-books');
    expect((await ctl.requests()).some((r) => r.path === '/v2/address-books' && r.status === 200)).toBe(true);
  });
});
