// Runs in: main (Electron-free). Owns: appending records to export files so a crash loses nothing and, with
// the in-doubt check, writes nothing twice: one write + fsync per batch, torn tails cut on recovery.
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Appends `lines` (each without a newline) in one write, then fsyncs. */
export function appendLines(file: string, lines: string[]): void {
  if (lines.length === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, lines.join('\n') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * After a crash the last batch may be half written. Cuts an unterminated last line and returns the keys
 * found in the file's tail (the in-doubt jobs were the last ones written, so the tail is enough).
 */
export function recoverTail(
  file: string,
  keyOf: (line: string) => string | undefined,
  tailBytes = 8 * 1024 * 1024,
): Set<string> {
  const keys = new Set<string>();
  if (!existsSync(file)) return keys;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - tailBytes);
    const buf = Buffer.alloc(size - start);
    readSync(fd, buf, 0, buf.length, start);
    const text = buf.toString('utf8');
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline !== text.length - 1) {
      ftruncateSync(fd, start + (lastNewline === -1 ? 0 : Buffer.byteLength(text.slice(0, lastNewline + 1))));
      fsyncSync(fd);
    }
    const complete = lastNewline === -1 ? '' : text.slice(0, lastNewline);
    const lines = complete.split('\n');
    if (start > 0) lines.shift(); // the first line of a tail window may be cut at its start
    for (const line of lines) {
      const key = keyOf(line);
      if (key) keys.add(key);
    }
  } finally {
    closeSync(fd);
  }
  return keys;
}
