// Runs in: main (Electron-free). Owns: the bundle's view of recent activity: the newest events of the event log
// and the last lines of the workspace log, both sanitised again whatever rules they were written under.
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import type { EventLog } from '../events/event-log.js';
import { maskText, sanitizeValue, type SanitizeOptions } from './scrub.js';

export function recentEvents(log: EventLog, limit: number, opts: SanitizeOptions): unknown[] {
  return log.query({ limit }).map((e) => ({
    ...e,
    at: new Date(e.at).toISOString(),
    message: opts.maskPii ? maskText(e.message) : e.message,
    payload: e.payload === null ? null : sanitizeValue(e.payload, opts),
  }));
}

/** The last `lines` lines of a log file, read from its end so a large log costs no more than its tail. */
export function tailLines(file: string, lines: number, maxBytes = 2 * 1024 * 1024): string[] {
  if (!existsSync(file) || lines <= 0) return [];
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, size - length);
    const all = buf.toString('utf8').split('\n');
    if (length < size) all.shift(); // the first line was cut by the byte window
    if (all.at(-1) === '') all.pop();
    return all.slice(-lines);
  } finally {
    closeSync(fd);
  }
}

/** JSON lines are re-redacted field by field; anything else has its e-mail addresses masked. */
export function sanitizeLogLine(line: string, opts: SanitizeOptions): string {
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === 'object') return JSON.stringify(sanitizeValue(parsed, opts));
  } catch {
    // a line some other writer left: plain text
  }
  return opts.maskPii ? maskText(line) : line;
}
