// Runs in: vitest (under scripts/with-keychain.sh). Owns: the canary hunt after a whole demo flow driven the
// way the console drives it (the browser host's WebSocket): a store token and a platform API key must appear in
// no SQLite file (+ WAL), log, event payload, diagnostics bundle, plain export, nor any message to the renderer.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { startBrowserHost } from '../../src/main/host/server.js';
import { storeTokenAccount } from '../../src/main/stores/store-service.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { tempDir, uniqueService } from '../support/temp.js';
import { openBridge } from './bridge-client.js';

const STORE_TOKEN = 'tok_CANARYbc_7f3a9c1e5b2d4f60a8e1';
const API_KEY = 'acCANARYkey_91c2e8d4b7a3f605';
const PASSPHRASE = 'canary passphrase 2026';
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every spelling a leak could take: as is, UTF-16 (SQLite text can be), base64 and URL-encoded. */
function leaks(bytes: Uint8Array, secret: string): string[] {
  const b = Buffer.from(bytes);
  const forms: Array<[string, Buffer]> = [
    ['utf8', Buffer.from(secret)],
    ['utf16', Buffer.from(secret, 'utf16le')],
    ['base64', Buffer.from(Buffer.from(secret).toString('base64').slice(0, 24))],
    ['uri', Buffer.from(encodeURIComponent(secret))],
  ];
  return forms.filter(([, f]) => b.includes(f)).map(([name]) => name);
}

function expectClean(what: string, bytes: Uint8Array): void {
  for (const secret of [STORE_TOKEN, API_KEY])
    expect(leaks(bytes, secret), `${secret.slice(0, 12)}… found in ${what}`).toEqual([]);
}

describe('canary secrets after a full demo flow', () => {
  it('reach the keychain and the encrypted export only', async () => {
    const bc = await startBigCommerceSim({
      stores: [
        {
          hash: 'canarystore',
          seed: { customers: 20, orders: 30, products: 4, seed: 'canary' },
          quota: 100_000,
          windowMs: 1000,
          tokens: [{ token: STORE_TOKEN }],
        },
      ],
    });
    closers.push(() => bc.close());
    const ac = await startActiveCampaignSim({
      rateLimit: 100_000,
      accounts: [{ name: 'canary', apiKeys: [API_KEY] }],
    });
    closers.push(() => ac.close());
    const dir = tempDir();
    const service = uniqueService('canary-artifacts');
    const ws = openWorkspace({ dir, host: 'test', keychainService: service });
    closers.push(() => ws.close());
    const root = join(tempDir(), 'public');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<p>console</p>');
    const host = await startBrowserHost({ workspace: ws, staticRoot: root });
    closers.push(() => host.close());

    // The renderer's side of the wire: every frame it receives is kept.
    const bridge = await openBridge(host);
    closers.push(() => bridge.close());
    const call = bridge.call;

    const store = await call('stores:add', {
      name: 'Canary store',
      storeHash: 'canarystore',
      accessToken: STORE_TOKEN,
      apiBaseUrl: bc.url,
    });
    expect(store.ok, JSON.stringify(store)).toBe(true);
    const storeId = (store.value as { id: string }).id;
    const account = await call('accounts:add', {
      platform: 'activecampaign',
      name: 'AC canary',
      credentials: { apiUrl: ac.credentials.apiUrl, apiKey: API_KEY },
    });
    expect(account.ok, JSON.stringify(account)).toBe(true);
    const accountId = (account.value as { id: string }).id;
    const conn = await call('connections:add', {
      storeId,
      accountId,
      mode: 'off',
      settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 1000 },
    });
    expect(conn.ok, JSON.stringify(conn)).toBe(true);
    const connectionId = (conn.value as { id: string }).id;

    const synced = await call('sync:start', { connectionId, historical: true });
    expect(synced, JSON.stringify(synced)).toMatchObject({ ok: true, value: { state: 'drained' } });
    expect(ac.state('canary').contacts.length).toBeGreaterThan(0);
    for (const [channel, input] of [
      ['stores:verify', { id: storeId }],
      ['connections:status', { id: connectionId }],
      ['events:query', { limit: 5000 }],
      ['mapping:defaults', { connectionId, entity: 'customer' }],
      ['mapping:catalogue', { connectionId }],
      ['queue:deadLetters', { id: connectionId }],
      ['consent:report', { storeId }],
      ['diagnostics:preview', { includePii: true }],
      ['app:info', {}],
      ['stores:list', {}],
      ['accounts:list', {}],
      ['connections:list', {}],
      // Refusals that echo input must not echo a secret either.
      ['stores:add', { name: 'Dup', storeHash: 'canarystore', accessToken: STORE_TOKEN }],
      ['accounts:add', { platform: 'activecampaign', name: '', credentials: { apiKey: API_KEY } }],
    ] as const)
      await call(channel, input);
    const bundleFile = join(tempDir(), 'support.zip');
    expect(await call('diagnostics:save', { path: bundleFile, includePii: true })).toMatchObject({
      ok: true,
    });
    const exportFile = join(tempDir(), 'workspace.sbx');
    expect(await call('workspace:export', { path: exportFile, passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
    });
    ws.logger.log('info', `used ${STORE_TOKEN} and ${API_KEY}`);

    // The keychain has both (so the hunt below would notice secrets that were stored nowhere).
    expect(await ws.secrets.get(storeTokenAccount(storeId))).toBe(STORE_TOKEN);
    expect(bridge.frames.length).toBeGreaterThan(20);
    expect(bridge.frames.some((f) => f.includes('"type":"event"'))).toBe(true);
    expectClean('a message to the renderer', Buffer.from(bridge.frames.join('\n')));

    const events = ws.events.query({ limit: 5000 });
    expect(events.length).toBeGreaterThan(3);
    expectClean('event payloads', Buffer.from(JSON.stringify(events)));

    // Every file of the workspace, read while it is still open (the WAL holds the latest pages).
    const live = filesUnder(dir);
    expect(live.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(live.some((f) => f.endsWith('.log'))).toBe(true);
    for (const f of live) expectClean(f, readFileSync(f));

    const bundle = unzipSync(readFileSync(bundleFile));
    expect(Object.keys(bundle).length).toBeGreaterThan(2);
    for (const [name, bytes] of Object.entries(bundle)) expectClean(`bundle file ${name}`, bytes);

    // The export is ciphertext: neither the secrets nor any plain workspace text is readable in it...
    const sealed = readFileSync(exportFile);
    expectClean('the workspace export', sealed);
    for (const plain of ['Canary store', 'canarystore', 'activecampaign', 'AC canary'])
      expect(sealed.includes(Buffer.from(plain)), `"${plain}" readable in the export`).toBe(false);
    // ...and it does carry them: imported elsewhere with the passphrase, the token is back in a keychain.
    const other = openWorkspace({
      dir: tempDir(),
      host: 'test',
      keychainService: uniqueService('canary-in'),
    });
    closers.push(() => other.close());
    expect(await other.call('workspace:import', { path: exportFile, passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
    });
    expect(await other.secrets.get(storeTokenAccount(storeId))).toBe(STORE_TOKEN);

    bridge.close();
    await host.close();
    ws.close();
    for (const f of filesUnder(dir)) expectClean(`${f} (closed)`, readFileSync(f));
  }, 30_000);
});
