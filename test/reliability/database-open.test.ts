// Runs in: vitest (under scripts/with-keychain.sh). Owns: a damaged or locked workspace database at start: a
// clear refusal naming the file and what to do, the damaged file copied aside and never rewritten, and the data
// intact once the cause is gone.
import { openSync, readdirSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, EVENTS_FILE, openWorkspace } from '../../src/main/app/workspace.js';
import { AppError } from '../../src/main/core/errors.js';
import { tempDir, uniqueService } from '../support/temp.js';

async function workspaceWithAStore(): Promise<{ dir: string; service: string }> {
  const dir = tempDir();
  const service = uniqueService('dbopen');
  const ws = openWorkspace({ dir, host: 'test', keychainService: service });
  await ws.stores.add({ name: 'Kept', storeHash: 'kept1', accessToken: 'tok_kept_0123456789' });
  ws.events.append({ level: 'info', type: 'test.marker', message: 'still here' });
  ws.close();
  return { dir, service };
}

function openError(dir: string, service: string): AppError {
  try {
    openWorkspace({ dir, host: 'test', keychainService: service }).close();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('the workspace opened');
}

/** Overwrites the first bytes of a file (SQLite's header), returning what was there. */
function scribble(file: string, bytes = 100): Buffer {
  const before = readFileSync(file).subarray(0, bytes);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(bytes, 0x5a), 0, bytes, 0);
  closeSync(fd);
  return Buffer.from(before);
}

function restore(file: string, header: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, header, 0, header.length, 0);
  closeSync(fd);
}

describe('a damaged or locked database at start', () => {
  for (const name of [DB_FILE, EVENTS_FILE]) {
    it(`${name} damaged: refused with the file named, a copy made, nothing rewritten`, async () => {
      const { dir, service } = await workspaceWithAStore();
      const file = join(dir, name);
      const header = scribble(file);
      const damaged = readFileSync(file);

      const err = openError(dir, service);
      expect(err.code).toBe('conflict');
      expect(err.message).toContain(file);
      expect(err.message).toMatch(/damaged/);
      expect(err.message).toMatch(/changed nothing/);
      expect(err.message).toMatch(/Restore it from a backup or a workspace export/);
      const copies = readdirSync(dir).filter((f) => f.startsWith(`${name}.damaged-`) && !f.endsWith('-wal'));
      expect(copies).toHaveLength(1);
      expect(err.message).toContain(join(dir, copies[0]!));
      expect(readFileSync(join(dir, copies[0]!)).equals(damaged)).toBe(true);
      // Not "repaired" into an empty database behind the person's back.
      expect(readFileSync(file).equals(damaged)).toBe(true);

      // Trying again refuses again (no second attempt silently starts over), without a second copy.
      expect(openError(dir, service).code).toBe('conflict');
      expect(readdirSync(dir).filter((f) => f.startsWith(`${name}.damaged-`) && !f.endsWith('-wal'))).toEqual(
        copies,
      );
      restore(file, header);
      const ws = openWorkspace({ dir, host: 'test', keychainService: service });
      expect(ws.stores.list().map((s) => s.name)).toEqual(['Kept']);
      expect(ws.events.query({ type: 'test.marker' })).toHaveLength(1);
      ws.close();
    });
  }

  it('locked by another program: waits, then says which file and what to do; opens once released', async () => {
    const { dir, service } = await workspaceWithAStore();
    const file = join(dir, DB_FILE);
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const started = Date.now();
    const err = openError(dir, service);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    expect(err.code).toBe('conflict');
    expect(err.options.retryable).toBe(true);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/in use by another program/);
    expect(readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(false);
    other.exec('COMMIT');
    other.close();
    const ws = openWorkspace({ dir, host: 'test', keychainService: service });
    expect(ws.stores.list().map((s) => s.name)).toEqual(['Kept']);
    ws.close();
  }, 20_000);
});
