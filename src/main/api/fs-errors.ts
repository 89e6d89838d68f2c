// Runs in: main (Electron-free). Owns: turning a file-system refusal on a path the user chose (a bundle or
// export written to a folder that does not exist, an import from a missing file) into an error that says what to fix.
import { dirname } from 'node:path';
import { AppError } from '../core/errors.js';

const reasons: Record<string, string> = {
  ENOENT: 'the file or its folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
};

/** An AppError for a Node file-system error with a path, or undefined for anything else. */
export function fileSystemRefusal(err: unknown): AppError | undefined {
  const e = err as { code?: unknown; path?: unknown } | null;
  if (!e || typeof e.code !== 'string' || typeof e.path !== 'string') return undefined;
  const reason = reasons[e.code];
  if (!reason) return undefined;
  // Atomic writes go through a temporary sibling; name the folder the user picked, not that file.
  const where = /\.\d+\.[0-9a-f]+\.tmp$/.test(e.path) ? dirname(e.path) : e.path;
  return new AppError(
    'invalid_input',
    `Storebridge cannot use ${where}: ${reason}. Choose another location.`,
    {
      cause: err,
    },
  );
}
