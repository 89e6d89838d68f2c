// Runs in: Node (vitest). Owns: one test per kit fault switch, seen from an API client of the simulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClient, until, type Client } from './test-helpers.js';

let c: Client;
beforeEach(async () => {
  c = await startClient();
});
afterEach(async () => c.sim.close());

const get = (path = '/contacts') => c.ac('GET', path);

describe('fault switches reach the client', () => {
  it('status: a 503 in the platform shape, once', async () => {
    await c.sim.control.fault({ kind: 'status', status: 503, count: 1, pathIncludes: '/contacts' });
    expect(await get()).toMatchObject({ status: 503, body: { message: 'Service Unavailable' } });
    expect((await get()).status).toBe(200);
  });

  it('timeout: the socket is held and then dropped', async () => {
    await c.sim.control.fault({ kind: 'timeout', delayMs: 50, count: 1 });
    await expect(get()).rejects.toThrow();
  });

  it('reset: the connection is cut', async () => {
    await c.sim.control.fault({ kind: 'reset', count: 1 });
    await expect(get()).rejects.toThrow();
  });

  it('malformed: 200 with truncated JSON', async () => {
    await c.sim.control.fault({ kind: 'malformed', count: 1 });
    await expect(get()).rejects.toThrow(SyntaxError);
  });

  it('slow: answers normally after the delay', async () => {
    await c.sim.control.fault({ kind: 'slow', delayMs: 150, count: 1 });
    const start = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('huge: a 20 MB body', async () => {
    await c.sim.control.fault({ kind: 'huge', count: 1 });
    const res = await fetch(`${c.sim.credentials.apiUrl}/contacts`, {
      headers: { 'Api-Token': c.sim.credentials.apiKey },
    });
    expect((await res.text()).length).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('down (fault): the request is dropped', async () => {
    await c.sim.control.fault({ kind: 'down', count: 1 });
    await expect(get()).rejects.toThrow();
  });

  it('down (switch): the port refuses connections until it comes back', async () => {
    const res = await fetch(`${c.sim.url}/__sim/down`, {
      method: 'POST',
      body: JSON.stringify({ ms: 100 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(202);
    let refused = false;
    await until(async () => {
      try {
        return (await get()).status === 200 && refused;
      } catch {
        refused = true;
        return false;
      }
    });
    expect(refused).toBe(true);
    expect((await get()).status).toBe(200);
  });
});
