// Runs in: vitest, with Debian's Chromium through Playwright. Owns: proof that the renderer's CSP holds in a
// real browser: an inline script, an inline event handler and eval are refused, the console's own script runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { startBrowserHost } from '../../src/main/host/server.js';
import { NONCE_PLACEHOLDER } from '../../src/main/security/csp.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

describe('the Content-Security-Policy in Chromium', () => {
  it('blocks inline script, inline handlers and eval; runs the bundled script', async () => {
    const root = join(tempDir(), 'public');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(
      join(root, 'index.html'),
      `<!doctype html><html><head><meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><title>console</title>
<script>document.title = 'inline ran';</script></head>
<body><img src="/missing.png" onerror="document.title = 'handler ran'">
<script type="module" src="/assets/app.js"></script></body></html>`,
    );
    writeFileSync(
      join(root, 'assets', 'app.js'),
      `window.__bundle = true;
try { eval('1'); window.__eval = 'ran'; } catch { window.__eval = 'blocked'; }`,
    );
    const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('csp') });
    closers.push(() => ws.close());
    const host = await startBrowserHost({ workspace: ws, staticRoot: root });
    closers.push(() => host.close());
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    closers.push(() => browser.close());
    const page = await browser.newPage();
    // The browser's own report of each refusal, recorded from before the page's first script.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as { __violations?: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });

    await page.goto(host.url);
    await page.waitForFunction(() => (window as { __bundle?: boolean }).__bundle === true);
    await page.waitForLoadState('load');
    expect(await page.title()).toBe('console');
    expect(await page.evaluate(() => (window as { __eval?: string }).__eval)).toBe('blocked');
    const violations = await page.evaluate(() => (window as { __violations?: string[] }).__violations);
    // The inline <script>, the onerror handler and eval, each refused by script-src.
    expect(violations).toEqual(
      expect.arrayContaining(['script-src-elem inline', 'script-src-attr inline', 'script-src eval']),
    );
  }, 30_000);
});
