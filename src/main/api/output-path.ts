// Runs in: main (Electron-free). Owns: checking a file path the renderer names for a file Storebridge writes
// (a diagnostics bundle, a workspace export) before anything is written to it.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../core/errors.js';

export interface OutputPathRules {
  /** The workspace's own database files (main and events); their WAL, SHM and journal siblings count too. */
  databases: string[];
  /** Replacing an existing file was asked for explicitly. */
  overwrite: boolean;
}

const refuse = (path: string, why: string): AppError =>
  new AppError('invalid_input', `Storebridge will not write to ${path}: ${why}`, {
    fields: { path: why },
  });

/** The real location of a file that may not exist yet: its folder's real path plus its name. */
function real(path: string): string {
  const dir = dirname(path);
  try {
    return join(realpathSync(dir), basename(path));
  } catch {
    return resolve(path); // a missing folder is reported by the write itself
  }
}

/** Throws an invalid_input AppError that says what to change; returns the path to write to. */
export function checkOutputPath(path: string, rules: OutputPathRules): string {
  if (!isAbsolute(path))
    return fail(path, 'give a full path (e.g. /home/you/bundle.zip), not a relative one.');
  // Checked on the raw text: resolve() would quietly swallow the `..` before anyone saw it.
  if (path.split(/[\\/]+/).includes('..'))
    return fail(path, 'the path contains a ".." segment; give the folder directly.');
  const target = real(path);
  const own = rules.databases.flatMap((db) => {
    const r = real(db);
    return [r, `${r}-wal`, `${r}-shm`, `${r}-journal`];
  });
  if (own.includes(target))
    return fail(path, "it is one of this workspace's database files; choose a file outside the workspace.");
  if (!rules.overwrite && existsSync(path))
    return fail(
      path,
      'a file of that name exists; choose another name, or confirm replacing it (overwrite: true).',
    );
  return path;
}

function fail(path: string, why: string): never {
  throw refuse(path, why);
}
