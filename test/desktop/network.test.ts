// Runs in: Node (vitest). Owns: proxy selection, the console's description of it, extra CA trust, and the
// failure classifier, against a real proxy and real servers on 127.0.0.1.
import { createServer as createHttps } from 'node:https';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ky from 'ky';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetch, type NetworkFetch } from '../../src/main/desktop/network/dispatcher.js';
import { classifyFetchError } from '../../src/main/desktop/network/classify.js';
import { describeRoute, describeTrust, noProxyMatch } from '../../src/main/desktop/network/route.js';
import { resolveNetwork } from '../../src/main/desktop/network/settings.js';
import { refusingPort, startMiniProxy, type MiniProxy } from './support/mini-proxy.js';
import { selfSignedCert } from './support/tls-fixture.js';

const listen = async (s: Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
};

describe('resolveNetwork and routes', () => {
  it('takes HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment, lower case first', () => {
    const n = resolveNetwork(
      { proxy: { mode: 'system' } },
      {
        HTTPS_PROXY: 'http://upper:1',
        https_proxy: 'http://proxy:3128',
        HTTP_PROXY: 'proxy:8080',
        NO_PROXY: 'localhost, .internal.corp',
      },
    );
    expect(n.httpsProxy?.href).toBe('http://proxy:3128/');
    expect(n.httpProxy?.href).toBe('http://proxy:8080/');
    expect(describeRoute('https://api.bigcommerce.com/stores/abc/v3', n)).toBe(
      'Using proxy http://proxy:3128 for api.bigcommerce.com (https_proxy, HTTP_PROXY)',
    );
    expect(describeRoute('http://wiki.internal.corp/x', n)).toBe(
      'Direct connection to wiki.internal.corp (NO_PROXY entry ".internal.corp")',
    );
  });

  it('the explicit setting wins over the environment; "direct" ignores it', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:1' };
    const manual = resolveNetwork(
      { proxy: { mode: 'manual', url: 'http://alice:pw@corp:3128', noProxy: '*.bigcommerce.com' } },
      env,
    );
    expect(describeRoute('https://api.activecampaign.com', manual)).toBe(
      'Using proxy http://***@corp:3128 for api.activecampaign.com (settings)',
    );
    expect(describeRoute('https://api.bigcommerce.com', manual)).toMatch(
      /^Direct connection .*\*\.bigcommerce\.com/,
    );
    const direct = resolveNetwork({ proxy: { mode: 'direct' } }, env);
    expect(describeRoute('https://api.bigcommerce.com', direct)).toBe(
      'Direct connection to api.bigcommerce.com (no proxy configured)',
    );
  });

  it('matches NO_PROXY like curl: hosts cover subdomains, ports must agree, * is everything', () => {
    const u = (s: string) => new URL(s);
    expect(noProxyMatch(u('https://api.bigcommerce.com'), ['bigcommerce.com'])).toBe('bigcommerce.com');
    expect(noProxyMatch(u('https://notbigcommerce.com'), ['bigcommerce.com'])).toBeUndefined();
    expect(noProxyMatch(u('http://10.0.0.5:8080/x'), ['10.0.0.5:8080'])).toBe('10.0.0.5:8080');
    expect(noProxyMatch(u('http://10.0.0.5:9090/x'), ['10.0.0.5:8080'])).toBeUndefined();
    expect(noProxyMatch(u('https://x.example'), ['*'])).toBe('*');
    expect(noProxyMatch(u('http://[::1]:3000'), ['::1'])).toBe('::1');
  });

  it('refuses proxies it cannot use and CA files without certificates, saying what to fix', () => {
    expect(() => resolveNetwork({ proxy: { mode: 'manual', url: 'socks5://corp:1080' } }, {})).toThrow(
      /only http/,
    );
    expect(() => resolveNetwork({ extraCaPem: 'not a cert' }, {})).toThrow(/no PEM certificate/);
    expect(() => resolveNetwork({}, { NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' })).toThrow(
      /NODE_EXTRA_CA_CERTS/,
    );
  });
});

describe('through a real proxy', () => {
  let target: Server;
  let targetUrl: string;
  let proxy: MiniProxy;
  const fetches: NetworkFetch[] = [];
  // The targets here are on loopback, which real settings send direct; these tests want the proxy's view.
  const make = (settings: Parameters<typeof createFetch>[0], env?: Parameters<typeof createFetch>[1]) => {
    const f = createFetch({ ...settings, proxyLoopback: true }, env);
    fetches.push(f);
    return f;
  };

  beforeAll(async () => {
    target = createServer((req, res) => res.end(JSON.stringify({ path: req.url })));
    targetUrl = `http://127.0.0.1:${await listen(target)}`;
    proxy = await startMiniProxy();
  });
  afterEach(async () => {
    await Promise.all(fetches.splice(0).map((f) => f.close()));
    proxy.seen.length = 0;
    proxy.mode = 'open';
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((r) => target.close(r));
  });

  it('sends fetch and ky through the proxy, and NO_PROXY around it', async () => {
    const f = make({ proxy: { mode: 'system' } }, { HTTP_PROXY: proxy.url });
    expect(await (await f(`${targetUrl}/a`)).json()).toEqual({ path: '/a' });
    const api = ky.create({ fetch: f, retry: 0 });
    expect(await api.get(`${targetUrl}/b`).json()).toEqual({ path: '/b' });
    const host = new URL(targetUrl).host;
    // One tunnel may carry both requests (keep-alive): every tunnel went to the target.
    expect(proxy.seen.length).toBeGreaterThanOrEqual(1);
    expect(proxy.seen.every((s) => s === host)).toBe(true);

    const bypass = make({ proxy: { mode: 'system' } }, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    proxy.seen.length = 0;
    expect((await bypass(`${targetUrl}/c`)).status).toBe(200);
    expect(proxy.seen).toEqual([]);
    expect(bypass.describe(targetUrl)).toMatch(
      /^Direct connection to 127\.0\.0\.1:\d+ \(NO_PROXY entry "127.0.0.1"\)$/,
    );
  });

  it('407 is "proxy wants credentials", and credentials in the proxy URL satisfy it', async () => {
    proxy.mode = 'auth';
    const bare = make({ proxy: { mode: 'manual', url: proxy.url } });
    const err = await bare(targetUrl).catch((e: unknown) => e);
    expect(bare.classify(err, targetUrl)).toMatchObject({
      kind: 'proxy-auth-required',
      offline: false,
      proxyStatus: 407,
    });
    const withCreds = make({ proxy: { mode: 'manual', url: proxy.url.replace('//', '//user:secret@') } });
    expect((await withCreds(`${targetUrl}/ok`)).status).toBe(200);
  });

  it('a proxy that refuses the tunnel, or is not listening, is a proxy problem, not offline', async () => {
    proxy.mode = 'deny';
    const f = make({ proxy: { mode: 'manual', url: proxy.url } });
    const denied = await f(targetUrl).catch((e: unknown) => e);
    expect(f.classify(denied, targetUrl)).toMatchObject({
      kind: 'proxy-refused',
      proxyStatus: 403,
      offline: false,
    });

    const down = make({ proxy: { mode: 'manual', url: `http://127.0.0.1:${await refusingPort()}` } });
    const refused = await down(targetUrl).catch((e: unknown) => e);
    expect(down.classify(refused, targetUrl)).toMatchObject({
      kind: 'proxy-refused',
      code: 'ECONNREFUSED',
      offline: false,
    });
  });

  it('a destination that refuses is neither offline nor the proxy (direct, or a 502 from the proxy)', async () => {
    const dead = `http://127.0.0.1:${await refusingPort()}`;
    const direct = make({ proxy: { mode: 'direct' } });
    const e1 = await direct(dead).catch((e: unknown) => e);
    expect(direct.classify(e1, dead)).toMatchObject({ kind: 'destination-refused', offline: false });
    const viaProxy = make({ proxy: { mode: 'manual', url: proxy.url } });
    const e2 = await viaProxy(dead).catch((e: unknown) => e);
    expect(viaProxy.classify(e2, dead)).toMatchObject({ kind: 'destination-refused', proxyStatus: 502 });
  });

  it('no DNS answer is offline', async () => {
    const f = make({ proxy: { mode: 'direct' } });
    const url = 'http://storebridge-test.invalid/';
    const err = await f(url).catch((e: unknown) => e);
    expect(f.classify(err, url)).toMatchObject({ kind: 'offline', offline: true });
  });
});

describe('extra CA certificates (a TLS-inspecting proxy)', () => {
  it('trusts a configured PEM through the proxy tunnel, and calls an untrusted one "tls"', async () => {
    const { key, cert } = selfSignedCert();
    const server = createHttps({ key, cert }, (_req, res) => res.end('secure'));
    const url = `https://127.0.0.1:${await listen(server as unknown as Server)}/`;
    const proxy = await startMiniProxy();
    const untrusted = createFetch({ proxy: { mode: 'manual', url: proxy.url }, proxyLoopback: true }, {});
    const trusted = createFetch(
      { proxy: { mode: 'manual', url: proxy.url }, extraCaPem: cert, proxyLoopback: true },
      {},
    );
    try {
      const err = await untrusted(url).catch((e: unknown) => e);
      expect(untrusted.classify(err, url)).toMatchObject({ kind: 'tls', offline: false });
      expect(await (await trusted(url)).text()).toBe('secure');
      expect(proxy.seen.every((s) => s === new URL(url).host)).toBe(true);
      expect(describeTrust(trusted.network)).toBe('Trusting 1 extra certificate authority from settings');
      // NODE_EXTRA_CA_CERTS is read by the app itself (Electron's fuses switch Node's handling off).
      const fromEnv = resolveNetwork({}, { NODE_EXTRA_CA_CERTS: '/ca.pem' }, () => cert + '\n' + cert);
      expect(fromEnv.extraCa).toHaveLength(2);
      expect(fromEnv.caSources).toEqual(['NODE_EXTRA_CA_CERTS']);
    } finally {
      await Promise.all([untrusted.close(), trusted.close(), proxy.close()]);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('classifyFetchError on shapes not produced above', () => {
  const wrap = (code: string) =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
  it.each([
    ['ENETUNREACH', false, 'offline'],
    ['EHOSTUNREACH', true, 'offline'],
    ['EAI_AGAIN', true, 'offline'],
    ['UND_ERR_CONNECT_TIMEOUT', false, 'timeout'],
    ['ECONNRESET', true, 'proxy-refused'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false, 'tls'],
  ] as const)('%s (via proxy: %s) -> %s', (code, viaProxy, kind) => {
    expect(classifyFetchError(wrap(code), { viaProxy }).kind).toBe(kind);
  });
  it('a caller abort is "aborted", not offline', async () => {
    const err = await fetch('http://127.0.0.1:9/', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(classifyFetchError(err, { viaProxy: false })).toMatchObject({ kind: 'aborted', offline: false });
  });
  it('an AggregateError from happy eyeballs is read through', () => {
    const agg = new AggregateError(
      [Object.assign(new Error('x'), { code: 'ENETUNREACH' })],
      'connect failed',
    );
    expect(classifyFetchError(new TypeError('fetch failed', { cause: agg }), { viaProxy: false }).kind).toBe(
      'offline',
    );
  });
});
