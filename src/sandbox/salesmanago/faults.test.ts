// Runs in: Node (vitest). Owns: every kit fault switch reaching a v2 client of this simulator, and
// downtime through /__sim/down; the request log and reset are checked on the way.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimControl } from '../kit/index.js';
import { startSalesmanagoSim, type SalesmanagoSim } from './index.js';
import { v2, waitFor } from './testing.js';

let sim: SalesmanagoSim;
let ctl: SimControl;
beforeAll(async () => {
  sim = await startSalesmanagoSim();
  ctl = new SimControl(sim.url);
});
afterAll(() => sim.close());
beforeEach(() => ctl.reset());

const upsert = { contact: { email: 'f@example.com' } };
const call = () => v2(sim, 'contact/upsert', upsert);
const rawCall = () =>
  fetch(`${sim.credentials.endpoint}/contact/upsert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: sim.credentials.clientId,
      apiKey: 'k',
      requestTime: 1,
      sha: sim.sha('k'),
      owner: sim.credentials.owner,
      ...upsert,
    }),
  });

describe('fault switches', () => {
  it('status: a 5xx HTML page, as a gateway answers, then normal service', async () => {
    await ctl.fault({ kind: 'status', status: 503, pathIncludes: '/api/', count: 1 });
    const res = await rawCall();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('503');
    expect((await call()).body['success']).toBe(true);
  });

  it('timeout: the socket is held and then dropped', async () => {
    await ctl.fault({ kind: 'timeout', delayMs: 50, pathIncludes: '/api/', count: 1 });
    await expect(rawCall()).rejects.toThrow();
    expect(sim.contacts()).toHaveLength(0);
  });

  it('reset: the connection is reset', async () => {
    await ctl.fault({ kind: 'reset', pathIncludes: '/api/', count: 1 });
    await expect(rawCall()).rejects.toThrow();
  });

  it('down (per request): the connection is dropped', async () => {
    await ctl.fault({ kind: 'down', pathIncludes: '/api/', count: 1 });
    await expect(rawCall()).rejects.toThrow();
    expect((await call()).body['success']).toBe(true);
  });

  it('malformed: a 200 whose JSON does not parse', async () => {
    await ctl.fault({ kind: 'malformed', pathIncludes: '/api/', count: 1 });
    const res = await rawCall();
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it('huge: a 20 MB body', async () => {
    await ctl.fault({ kind: 'huge', pathIncludes: '/api/', count: 1 });
    const res = await rawCall();
    expect((await res.text()).length).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('slow: the answer comes after the delay and is still correct', async () => {
    await ctl.fault({ kind: 'slow', delayMs: 150, pathIncludes: '/api/', count: 1 });
    const start = Date.now();
    const r = await call();
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    expect(r.body['success']).toBe(true);
  });

  it('/__sim/down closes the port for a while, then it reopens by itself', async () => {
    const res = await fetch(`${sim.url}/__sim/down`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 200 }),
    });
    expect(res.status).toBe(202);
    await waitFor(async () =>
      rawCall().then(
        () => false,
        () => true,
      ),
    );
    await waitFor(async () =>
      rawCall().then(
        () => true,
        () => false,
      ),
    );
    const log = await ctl.requests();
    expect(log.some((r) => r.path.endsWith('/contact/upsert') && r.status === 200)).toBe(true);
  });
});
