// Runs in: vitest. Owns: the paths the renderer names for files Storebridge writes (diagnostics:save,
// workspace:export): relative paths, `..` segments, the workspace's own database files and existing files
// (without overwrite: true) are refused as invalid_input with a message, and nothing is written.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { tempDir, uniqueService } from '../support/temp.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

function setup() {
  const dir = tempDir();
  const ws = openWorkspace({ dir, host: 'test', keychainService: uniqueService('outpaths') });
  closers.push(() => ws.close());
  return { dir, ws };
}

const PASSPHRASE = 'correct horse battery';

describe('output paths named by the renderer', () => {
  it.each(['diagnostics:save', 'workspace:export'] as const)('%s refuses unsafe paths', async (channel) => {
    const { dir, ws } = setup();
    const out = tempDir();
    const call = (path: string, overwrite?: boolean) =>
      channel === 'diagnostics:save'
        ? ws.call(channel, { path, ...(overwrite === undefined ? {} : { overwrite }) })
        : ws.call(channel, {
            path,
            passphrase: PASSPHRASE,
            ...(overwrite === undefined ? {} : { overwrite }),
          });
    const refused = async (path: string, why: RegExp, overwrite?: boolean) => {
      const r = await call(path, overwrite);
      expect(r.ok, path).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(why);
      }
    };
    await refused('bundle.zip', /full path/);
    await refused(`${out}/../${out.split('/').pop()}/bundle.zip`, /"\.\." segment/);
    const db = join(dir, 'storebridge.db');
    const dbBefore = statSync(db).size;
    await refused(db, /database files/, true);
    await refused(join(dir, 'events.db'), /database files/, true);
    await refused(join(dir, 'storebridge.db-wal'), /database files/, true);
    expect(statSync(db).size).toBe(dbBefore);

    const existing = join(out, 'mine.txt');
    writeFileSync(existing, 'keep me');
    await refused(existing, /exists.*overwrite: true/);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');

    const fresh = join(out, 'fresh.out');
    expect((await call(fresh)).ok).toBe(true);
    expect((await call(existing, true)).ok, 'an explicit overwrite replaces the file').toBe(true);
    expect(readFileSync(existing, 'utf8')).not.toBe('keep me');
  });
});
