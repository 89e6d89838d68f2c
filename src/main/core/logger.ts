// Runs in: main (Electron-free). Owns: the Logger port; a line logger that redacts registered secrets.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Writes JSON lines. Every string a SecretStore hands out is registered with `redact`, so a secret that
 * reaches a log message by accident is replaced before it is written.
 */
export class LineLogger implements Logger {
  private readonly secrets = new Set<string>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly minLevel: LogLevel = 'info',
  ) {}

  redact(secret: string): void {
    if (secret.length >= 4) this.secrets.add(secret);
  }

  forget(secret: string): void {
    this.secrets.delete(secret);
  }

  log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
    if (order[level] < order[this.minLevel]) return;
    let line = JSON.stringify({ t: new Date().toISOString(), level, message, ...fields });
    for (const s of this.secrets) line = line.split(s).join('[redacted]');
    this.write(line);
  }
}

export const silentLogger: Logger = { log: () => undefined };
