// Playwright for the Electron smoke test only (e2e-electron/): needs the Electron binary and a prior
// `npx electron-vite build`. Not part of `npm test`; see docs/electron.md.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e-electron',
  outputDir: 'test-results/electron',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./e2e-electron/skip-reason-reporter.ts']],
});
