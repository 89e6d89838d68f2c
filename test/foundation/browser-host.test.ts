// The browser host admits only the loopback Host, its own Origin and the session cookie bought with the
// per-launch token; otherwise HTTP and the WebSocket upgrade get 401 and no data.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { startBrowserHost, type BrowserHost } from '../../src/main/host/server.js';
import { NONCE_PLACEHOLDER } from '../../src/main/security/csp.js';
import { tempDir, uniqueService } from '../support/temp.js';

let ws: Workspace;
let host: BrowserHost;
let port: number;

beforeEach(async () => {
  const base = tempDir();
  writeFileSync(join(base, 'secret.txt'), 'OUTSIDE-THE-ROOT');
  const root = join(base, 'public');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    `<meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><p>console</p>`,
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('host') });
  host = await startBrowserHost({ workspace: ws, staticRoot: root });
  port = Number(new URL(host.origin).port);
});
afterEach(async () => {
  await host.close();
  ws.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function login(): Promise<string> {
  const token = new URL(host.url).searchParams.get('token')!;
  const r = await get(`/?token=${token}`);
  expect(r.status).toBe(303);
  const cookie = String(r.headers['set-cookie']);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function call(
  socket: WebSocket,
  id: number,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(String(data)) as { type: string; id: number; result: never };
      if (msg.type === 'result' && msg.id === id) {
        socket.off('message', onMessage);
        resolve(msg.result);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'invoke', id, channel, input }));
  });
}

describe('browser host over HTTP', () => {
  it('listens on the loopback address only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses without a session, with a wrong token, a foreign Host or a foreign Origin: 401 and no data', async () => {
    for (const r of [
      await get('/'),
      await get('/assets/app.js'),
      await get('/?token=wrong'),
      await get(`/?token=${new URL(host.url).searchParams.get('token')}`, { host: 'attacker.example:80' }),
    ]) {
      expect(r.status).toBe(401);
      expect(r.body).toBe('');
    }
    const cookie = await login();
    expect((await get('/', { cookie, host: `localhost:${port}` })).status).toBe(401);
    expect((await get('/', { cookie, origin: 'http://attacker.example' })).status).toBe(401);
  });

  it('serves the console with a CSP and a fresh nonce per load once the token was exchanged', async () => {
    const cookie = await login();
    const a = await get('/', { cookie });
    const b = await get('/', { cookie });
    expect(a.status).toBe(200);
    const csp = String(a.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(a.body).toContain(`content="${nonce}"`);
    expect(a.body).not.toContain(NONCE_PLACEHOLDER);
    expect(String(b.headers['content-security-policy'])).not.toContain(nonce);
    expect((await get('/assets/app.js', { cookie })).body).toBe('console.log(1)');
  });

  it('refuses path traversal', async () => {
    const cookie = await login();
    // Encoded separators survive URL parsing and reach the guard (403); dot segments are normalised by the
    // URL parser into a path inside the root (404). Either way the file beside the root is never served.
    for (const path of [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await get(path, { cookie });
      expect([403, 404], path).toContain(r.status);
      expect(r.body).not.toContain('OUTSIDE-THE-ROOT');
    }
    expect((await get('/..%2fsecret.txt', { cookie })).status).toBe(403);
  });
});

describe('browser host WebSocket bridge', () => {
  it('refuses the upgrade without the cookie, without an Origin, or with a foreign Origin or Host', async () => {
    const cookie = await login();
    const origin = host.origin;
    await expect(connect({ origin })).rejects.toThrow('HTTP 401');
    await expect(connect({ cookie })).rejects.toThrow('HTTP 401');
    await expect(connect({ cookie, origin: 'http://attacker.example' })).rejects.toThrow('HTTP 401');
    await expect(connect({ cookie, origin, host: `localhost:${port}` })).rejects.toThrow('HTTP 401');
  });

  it('speaks the contract: calls with results, validation errors, and pushed events', async () => {
    const socket = await connect({ cookie: await login(), origin: host.origin });
    const events: unknown[] = [];
    socket.on('message', (d) => {
      const m = JSON.parse(String(d)) as { type: string };
      if (m.type === 'event') events.push(m);
    });
    expect(await call(socket, 1, 'stores:list', {})).toEqual({ ok: true, value: [] });
    expect(await call(socket, 2, 'stores:add', { name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call(socket, 3, 'no:such', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const added = await call(socket, 4, 'stores:add', {
      name: 'Bridge',
      storeHash: 'bridge1',
      accessToken: 'tok_bridge_12345678',
    });
    expect(added.ok).toBe(true);
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({
      type: 'event',
      event: 'stores:changed',
      payload: { stores: [{ name: 'Bridge' }] },
    });
    socket.close();
  });
});
