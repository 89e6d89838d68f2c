// Runs in: Node (vitest). Owns: proving the process-wide network install reaches plain fetch and ky (what
// every connector uses) through a real loopback proxy, that NO_PROXY and "direct" bypass it, and that the
// description the console shows matches the route taken.
import ky from 'ky';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followNetworkSettings } from '../../src/main/desktop/network/follow.js';
import { installNetwork, type InstalledNetwork } from '../../src/main/desktop/network/global.js';
import { DesktopSettingsStore } from '../../src/main/desktop/settings.js';
import { startMiniProxy, type MiniProxy } from './support/mini-proxy.js';

let target: Server;
let targetUrl: string;
let proxy: MiniProxy;
let installed: InstalledNetwork | undefined;

beforeAll(async () => {
  target = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}'),
  );
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/api`;
  proxy = await startMiniProxy();
});
afterEach(async () => {
  await installed?.uninstall();
  installed = undefined;
  proxy.seen.length = 0;
});
afterAll(async () => {
  await proxy.close();
  target.closeAllConnections();
  await new Promise((r) => target.close(r));
});

describe('installNetwork', () => {
  it('sends plain fetch and ky through the environment proxy and says so', async () => {
    installed = installNetwork({ proxyLoopback: true }, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    expect(await (await fetch(targetUrl)).json()).toEqual({ ok: 1 });
    expect(await ky.get(targetUrl, { retry: 0 }).json()).toEqual({ ok: 1 });
    expect(proxy.seen).toHaveLength(2);
    expect(installed.proxy).toBe(
      `Using proxy ${proxy.url} for api.bigcommerce.com (HTTPS_PROXY, HTTP_PROXY)`,
    );
    expect(installed.trust).toBe('Trusting the built-in certificate authorities only');
  });

  it('goes direct for NO_PROXY hosts, for the "direct" setting, and after uninstalling', async () => {
    installed = installNetwork({ proxyLoopback: true }, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    await fetch(targetUrl);
    await installed.uninstall();
    installed = installNetwork({ proxy: { mode: 'direct' }, proxyLoopback: true }, { HTTP_PROXY: proxy.url });
    await fetch(targetUrl);
    expect(installed.proxy).toBe('Direct connection to api.bigcommerce.com (no proxy configured)');
    await installed.uninstall();
    installed = undefined;
    await fetch(targetUrl);
    expect(proxy.seen).toEqual([]);
  });

  it('keeps this machine (loopback) direct unless told otherwise', async () => {
    installed = installNetwork({}, { HTTP_PROXY: proxy.url });
    await fetch(targetUrl);
    expect(proxy.seen).toEqual([]);
  });

  it('uses a manual proxy from the settings over the environment', async () => {
    installed = installNetwork({ proxy: { mode: 'manual', url: proxy.url }, proxyLoopback: true }, {});
    await fetch(targetUrl);
    expect(proxy.seen).toHaveLength(1);
    expect(installed.proxy).toMatch(/\(settings\)$/);
  });
});

describe('followNetworkSettings', () => {
  it('applies the saved setting at once and again when the user changes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-net-follow-'));
    const settings = new DesktopSettingsStore(dir);
    const errors: string[] = [];
    const stop = followNetworkSettings(settings, (m) => errors.push(m), {}, { proxyLoopback: true });
    try {
      await fetch(targetUrl);
      expect(proxy.seen).toEqual([]);
      settings.save({ network: { proxy: 'manual', proxyUrl: proxy.url } });
      await fetch(targetUrl);
      expect(proxy.seen).toHaveLength(1);
      settings.save({ network: { proxy: 'system', extraCaFile: join(dir, 'missing.pem') } });
      await fetch(targetUrl);
      expect(proxy.seen).toHaveLength(2); // the broken setting did not replace the working route
      expect(errors).toEqual([expect.stringMatching(/^Network setting not applied: .*missing\.pem/)]);
    } finally {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
    await fetch(targetUrl);
    expect(proxy.seen).toHaveLength(2);
  });
});
