// Runs in: Node (Playwright `_electron`). Owns: the one end-to-end launch of the built Electron app: it opens
// its window over app://, reaches the app-ready marker, and the page has window.api but no Node.
// Needs `npx electron-vite build` first and the Electron binary (see docs/electron.md).
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const binary = electronBinary(repo);

const skipReason =
  `Electron binary absent (${binary.why}). This smoke test runs only where Electron is installed with its ` +
  'binary; everything else in the shell is covered by the Node tests in test/shell. See docs/electron.md.';
// The one skip the project allows: this machine cannot download Electron, so there is nothing to launch.
test.skip(!binary.path, skipReason);

test('launches the built app, reaches app-ready over app://, with a sandboxed page', async () => {
  const main = join(repo, 'out', 'main', 'index.js');
  expect(existsSync(main), `${main} is missing: run \`npx electron-vite build\` first`).toBe(true);
  const workspace = mkdtempSync(join(tmpdir(), 'sb-electron-e2e-'));
  // Chromium refuses to start as root with its OS sandbox on (CI containers); the renderer stays sandboxed
  // by Electron's own `sandbox: true` either way.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [repo, '--workspace', workspace, ...rootArgs],
    cwd: repo,
  });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('[data-testid="app-ready"]')).toBeAttached({ timeout: 30_000 });
    expect(page.url()).toMatch(/^app:\/\/storebridge\//);

    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const api = w.api as Record<string, unknown> | undefined;
      return {
        require: typeof w.require,
        process: typeof w.process,
        api: api ? Object.keys(api).sort() : [],
      };
    });
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
    expect(surface.api).toEqual(expect.arrayContaining(['app', 'on', 'stores']));

    const info = await page.evaluate(() =>
      (window as unknown as { api: { app: { info(): Promise<unknown> } } }).api.app.info(),
    );
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', workspaceDir: workspace } });

    const artifacts = join(repo, 'e2e', 'artifacts', 'electron');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'smoke.png'), fullPage: true });
  } finally {
    await app.close();
    rmSync(workspace, { recursive: true, force: true });
  }
});
