// Runs in: Playwright. Owns: a fresh workspace and browser host per test, opened through its one-time URL;
// waits for the app-ready marker, never for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const ARTIFACTS = join(process.cwd(), 'e2e', 'artifacts');

interface Console {
  page: Page;
  workspaceDir: string;
  /** Saves a full-page screenshot to e2e/artifacts/<name>.png. */
  shot(name: string): Promise<void>;
}

export const test = base.extend<{
  console: Console;
  /** Fills the fresh workspace before the host opens it (e.g. 100,000 events for the log's benchmark). */
  seedWorkspace: ((dir: string) => void | Promise<void>) | undefined;
}>({
  seedWorkspace: [undefined, { option: true }],
  console: async ({ page, seedWorkspace }, use) => {
    const workspaceDir = mkdtempSync(join(tmpdir(), 'storebridge-e2e-'));
    await seedWorkspace?.(workspaceDir);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main/host/serve.ts', '--workspace', workspaceDir],
      {
        env: { ...process.env, STOREBRIDGE_KEYCHAIN_SERVICE: `storebridge-e2e-${process.pid}-${Date.now()}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const url = await readUrl(child);
    await page.goto(url);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    mkdirSync(ARTIFACTS, { recursive: true });
    await use({
      page,
      workspaceDir,
      shot: async (name) => {
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      },
    });
    child.kill('SIGTERM');
    rmSync(workspaceDir, { recursive: true, force: true });
  },
});

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`browser host printed no URL in 30 s:\n${out}\n${err}`)),
      30_000,
    );
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /STOREBRIDGE_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${out}\n${err}`)));
  });
}

export { expect };
