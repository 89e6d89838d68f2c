// Runs in: vitest (Node). Owns: the client's proxy seam end to end: with HTTP_PROXY set, a real client call to
// the simulator goes through a tiny loopback proxy and a NO_PROXY entry sends it direct; with HTTPS_PROXY and
// NODE_EXTRA_CA_CERTS (read at start-up, hence a child process) an https store is reached through a CONNECT tunnel.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BigCommerceClient } from '../../src/main/bigcommerce/client.js';
import { startBigCommerceSim, type BigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';

const HASH = 'proxied';
let sim: BigCommerceSim;
let proxy: Server;
let proxyUrl: string;
/** What went through the proxy: `CONNECT host:port` or `GET http://…`. */
const seen: string[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  sim = await startBigCommerceSim({ stores: [{ hash: HASH, seed: { customers: 5 } }] });
  proxy = createServer((req, res) => {
    // Plain forwarding: the request line carries the absolute URL.
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const up = request(
      target,
      { method: req.method, headers: req.headers },
      (r) => (res.writeHead(r.statusCode ?? 502, r.headers), r.pipe(res)),
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  proxy.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const up = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterEach(() => {
  process.env = { ...saved };
  seen.length = 0;
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((r) => proxy?.close(r));
  await sim?.close();
});

const simPort = () => new URL(sim.url).port;
// The transport reads the environment when the client is built, as the app does at start-up.
const client = () =>
  new BigCommerceClient({ baseUrl: sim.url, storeHash: HASH, accessToken: sim.stores[0]!.token });

it("sends the store's requests through HTTP_PROXY", async () => {
  process.env.HTTP_PROXY = proxyUrl;
  delete process.env.NO_PROXY;
  delete process.env.no_proxy;
  const info = await client().storeInfo();
  expect(info.id).toBe(HASH);
  expect(seen.length).toBeGreaterThan(0);
  // Either a tunnel to the simulator or a forwarded request for its URL; both name the simulator's port.
  expect(seen.every((s) => s.includes(`127.0.0.1:${simPort()}`))).toBe(true);
});

it('reaches an https store through HTTPS_PROXY, trusting NODE_EXTRA_CA_CERTS', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-proxy-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    // A TLS front for the simulator, with a certificate only NODE_EXTRA_CA_CERTS makes trusted.
    const front = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      const up = request(
        `${sim.url}${req.url ?? ''}`,
        { method: req.method, headers: req.headers },
        (r) => (res.writeHead(r.statusCode ?? 502, r.headers), r.pipe(res)),
      );
      req.pipe(up);
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    const tlsPort = (front.address() as AddressInfo).port;
    const script = join(dir, 'call.mts');
    const clientPath = resolve('src/main/bigcommerce/client.ts');
    writeFileSync(
      script,
      `import { BigCommerceClient } from ${JSON.stringify(clientPath)};
const c = new BigCommerceClient({ baseUrl: 'https://127.0.0.1:${tlsPort}', storeHash: '${HASH}', accessToken: ${JSON.stringify(sim.stores[0]!.token)} });
console.log(JSON.stringify({ id: (await c.storeInfo()).id }));`,
    );
    const env: NodeJS.ProcessEnv = { ...saved, HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: cert };
    for (const k of ['HTTP_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy']) delete env[k];
    const out = await new Promise<string>((ok, fail) => {
      const child = spawn(resolve('node_modules/.bin/tsx'), [script], { env });
      let text = '';
      child.stdout.on('data', (b: Buffer) => (text += b.toString()));
      child.stderr.on('data', (b: Buffer) => (text += b.toString()));
      child.on('exit', (code) => (code === 0 ? ok(text) : fail(new Error(text))));
    });
    front.close();
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ id: HASH });
    expect(seen).toEqual([`CONNECT 127.0.0.1:${tlsPort}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 20_000);

it('goes direct for hosts listed in NO_PROXY', async () => {
  process.env.HTTP_PROXY = proxyUrl;
  process.env.HTTPS_PROXY = proxyUrl;
  process.env.NO_PROXY = `example.org,127.0.0.1:${simPort()}`;
  const info = await client().storeInfo();
  expect(info.id).toBe(HASH);
  expect(seen).toEqual([]);
  // The same call with a NO_PROXY entry for another port still uses the proxy: the entry did the bypass.
  process.env.NO_PROXY = `127.0.0.1:1`;
  await client().storeInfo();
  expect(seen.length).toBeGreaterThan(0);
});
