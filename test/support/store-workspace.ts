// Runs in: vitest. Owns: a real workspace (temp folder, its own keychain service) holding one store served by a
// seeded BigCommerce simulator, the start of the tests that drive the workspace's services; and the closers
// such a test registers, run after it last in, first out.
import { afterEach } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import type { Clock } from '../../src/main/core/clock.js';
import { startBigCommerceSim, type StoreOptions } from '../../src/sandbox/bigcommerce/index.js';
import { tempDir, uniqueService } from './temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** Runs after the test, before what was set up earlier is closed. */
export function closeAfterTest(close: () => unknown): void {
  closers.push(close);
}

export interface StoreWorkspaceOptions {
  hash: string;
  /** The store's name in the workspace. */
  name: string;
  token: string;
  seed: StoreOptions['seed'];
  /** The tokens BigCommerce accepts (a test may revoke one by removing it); default: `token` alone. */
  tokens?: Array<{ token: string }>;
  /** BigCommerce requests per window (one second unless `windowMs` says otherwise). */
  quota?: number;
  windowMs?: number;
  clock?: Clock;
  /** Names the keychain service; default: the hash. */
  label?: string;
}

export async function storeWorkspace(o: StoreWorkspaceOptions) {
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: o.hash,
        seed: o.seed,
        quota: o.quota ?? 10_000,
        windowMs: o.windowMs ?? 1000,
        tokens: o.tokens ?? [{ token: o.token }],
      },
    ],
  });
  closeAfterTest(() => bc.close());
  const ws: Workspace = openWorkspace({
    dir: tempDir(),
    host: 'test',
    keychainService: uniqueService(o.label ?? o.hash),
    ...(o.clock ? { clock: o.clock } : {}),
  });
  closeAfterTest(() => ws.close());
  const store = await ws.stores.add({
    name: o.name,
    storeHash: o.hash,
    accessToken: o.token,
    apiBaseUrl: bc.url,
  });
  return { bc, ws, store };
}
