// Runs in: Node (vitest). Owns: proving the app:// protocol handler serves only the built renderer folder,
// with a CSP header and a fresh nonce per load, and refuses every way out of that folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NONCE_PLACEHOLDER } from '../../src/main/security/csp.js';
import { createProtocolHandler, type ProtocolHandler } from '../../src/main/shell/protocol.js';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
let base: string;
let root: string;
let secretFile: string;
let handler: ProtocolHandler;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'sb-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html><head><meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"></head><body></body></html>`,
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
  secretFile = join(base, 'secret.txt');
  writeFileSync(secretFile, SECRET);
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'secret.txt'), SECRET);
  symlinkSync(secretFile, join(root, 'link.txt'));
  symlinkSync(join(base, 'outside'), join(root, 'linkdir'));
  handler = createProtocolHandler(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A real Request, whose URL is normalised the way Chromium normalises it before the handler runs. */
const get = (url: string) => handler(new Request(url));
/** The raw URL string as typed, in case a request ever reaches the handler unnormalised. */
const raw = (url: string, method = 'GET') => handler({ url, method } as Request);

function nonceOf(csp: string | null): string | undefined {
  return /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
}

describe('app:// protocol handler: serving', () => {
  it('serves index.html with a CSP whose nonce is the one written into the page', async () => {
    const res = await get('app://storebridge/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = nonceOf(csp);
    expect(nonce).toBeTruthy();
    const body = await res.text();
    expect(body).not.toContain(NONCE_PLACEHOLDER);
    expect(body).toContain(`<meta name="csp-nonce" content="${nonce}">`);
  });

  it('gives every load a fresh nonce', async () => {
    const nonces = new Set<string | undefined>();
    for (const url of [
      'app://storebridge/',
      'app://storebridge/index.html',
      'app://storebridge/index.html?x=1',
    ]) {
      nonces.add(nonceOf((await get(url)).headers.get('content-security-policy')));
    }
    expect(nonces.size).toBe(3);
    expect(nonces.has(undefined)).toBe(false);
  });

  it('serves assets with their type and nosniff', async () => {
    const res = await get('app://storebridge/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log("app")');
  });

  it('answers 404 for a missing file and 405 for anything but GET/HEAD', async () => {
    expect((await get('app://storebridge/nope.js')).status).toBe(404);
    expect((await raw('app://storebridge/index.html', 'POST')).status).toBe(405);
    const head = await raw('app://storebridge/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses other hosts and schemes', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://storebridge.evil.example/index.html',
      'app://user@storebridge/index.html',
      'app://storebridge:8080/index.html',
      'https://storebridge/index.html',
      'file:///etc/passwd',
    ]) {
      expect((await raw(url)).status, url).toBe(403);
    }
  });
});

describe('app:// protocol handler: path traversal', () => {
  const traversals = [
    'app://storebridge/../secret.txt',
    'app://storebridge/../../../../../../etc/passwd',
    'app://storebridge/assets/../../secret.txt',
    'app://storebridge/%2e%2e/secret.txt',
    'app://storebridge/%2E%2E/%2e%2e/secret.txt',
    'app://storebridge/.%2e/secret.txt',
    'app://storebridge/..%2fsecret.txt',
    'app://storebridge/%2e%2e%2fsecret.txt',
    'app://storebridge/assets%2f..%2f..%2fsecret.txt',
    'app://storebridge/..%5csecret.txt',
    'app://storebridge/%252e%252e/secret.txt',
    'app://storebridge/index.html%00.js',
  ];

  it.each(traversals)('never serves anything outside the folder for %s (normalised or raw)', async (url) => {
    for (const res of [await get(url), await raw(url)]) {
      expect(res.status).not.toBe(200);
      expect(await res.text()).not.toContain(SECRET);
    }
  });

  it('refuses raw `..` and encoded slashes with 403 from the guard itself', async () => {
    for (const url of [
      'app://storebridge/../secret.txt',
      'app://storebridge/%2e%2e/secret.txt',
      'app://storebridge/..%2fsecret.txt',
    ]) {
      expect((await raw(url)).status, url).toBe(403);
    }
  });

  it('treats absolute paths as paths inside the folder', async () => {
    for (const url of [
      `app://storebridge/${encodeURIComponent(secretFile)}`,
      `app://storebridge/${secretFile}`,
      `app://storebridge//${secretFile}`,
      'app://storebridge//etc/passwd',
    ]) {
      for (const res of [await get(url), await raw(url)]) {
        expect(res.status, url).toBe(404);
        expect(await res.text()).not.toContain(SECRET);
      }
    }
  });

  it('refuses symlinks that lead out of the folder', async () => {
    for (const url of ['app://storebridge/link.txt', 'app://storebridge/linkdir/secret.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(403);
      expect(await res.text()).not.toContain(SECRET);
    }
  });
});
