// Runs in: Node (vitest). Unit and integration tests; e2e lives in e2e/ and runs under Playwright.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: more workers only thrash.
    maxWorkers: 2,
    // A non-UTC zone catches date handling that silently assumes UTC.
    env: { TZ: 'America/Sao_Paulo' },
  },
});
