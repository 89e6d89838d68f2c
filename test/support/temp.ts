// Runs in: vitest. Owns: per-test temp folders and unique keychain service names, cleaned up after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

export function tempDir(prefix = 'storebridge-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A keychain service name no other test uses, so tests can run in parallel against one keyring. */
export function uniqueService(label: string): string {
  return `storebridge-test-${label}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}
