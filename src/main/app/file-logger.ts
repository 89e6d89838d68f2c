// Runs in: main (Electron-free). Owns: the workspace log file (JSON lines, secrets redacted).
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineLogger, type LogLevel } from '../core/logger.js';

export function createFileLogger(workspaceDir: string, minLevel: LogLevel = 'info'): LineLogger {
  const dir = join(workspaceDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'storebridge.log');
  return new LineLogger((line) => appendFileSync(file, line + '\n'), minLevel);
}
