// Runs in: main (Electron-free). Owns: what a SQLite failure means for the person at the keyboard: the file,
// what happened, that nothing was lost, and what to do. A damaged file is copied aside before anything else.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { AppError } from '../core/errors.js';

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** A sentence for a failure of the disk or the file under a running workspace, or undefined. */
export function storageProblem(err: unknown): string | undefined {
  const code = codeOf(err);
  if (code === 'SQLITE_FULL')
    return (
      'the disk holding the workspace is full. Nothing was lost: what was read and delivered is recorded. ' +
      'Free some disk space; the next sync resumes where this one stopped'
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return 'another program is holding the workspace database. Nothing was lost; close that program and sync again';
  if (code.startsWith('SQLITE_READONLY'))
    return 'the workspace database cannot be written (read-only disk or permissions). Nothing was lost';
  if (code.startsWith('SQLITE_IOERR'))
    return 'the disk holding the workspace could not be written or read. Nothing was lost; check the disk and sync again';
  return undefined;
}

/** Damaged beyond use: a header that is not SQLite's, or pages SQLite cannot read. */
export function isDamaged(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/**
 * Turns a failure to open `file` into an AppError naming the file and what to do. A damaged file is copied
 * (with its WAL) beside itself first and never rewritten: the person decides, nothing is lost silently.
 */
export function openFailure(err: unknown, file: string): AppError | undefined {
  if (isDamaged(err)) {
    // Named after the file's last change, so starting again copies the same damaged file only once.
    let copied = '';
    try {
      const backup = `${file}.damaged-${statSync(file).mtime.toISOString().replace(/[:.]/g, '-')}`;
      if (!existsSync(backup)) {
        copyFileSync(file, backup);
        if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${backup}-wal`);
      }
      copied = ` A copy was saved as ${backup}.`;
    } catch {
      copied = ' Storebridge could not copy it aside either; copy it yourself before changing anything.';
    }
    return new AppError(
      'conflict',
      `The workspace database ${file} is damaged and cannot be opened (${codeOf(err)}). Storebridge changed nothing.` +
        `${copied} Restore it from a backup or a workspace export, or move it away to start with an empty ` +
        'workspace (stores and accounts must then be added again).',
      { cause: err },
    );
  }
  const code = codeOf(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError(
      'conflict',
      `The workspace database ${file} is in use by another program (another Storebridge, or a database tool) ` +
        'and stayed locked. Nothing was changed. Close that program, then start Storebridge again.',
      { retryable: true, cause: err },
    );
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM')
    return new AppError(
      'conflict',
      `The workspace database ${file} cannot be opened for writing (${code}). Check that the folder exists, ` +
        'that you may write there and that the disk is not read-only, or choose another workspace folder.',
      { cause: err },
    );
  if (code === 'SQLITE_FULL')
    return new AppError('conflict', `Cannot open ${file}: ${storageProblem(err)}.`, { cause: err });
  return undefined;
}
