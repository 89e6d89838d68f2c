// Runs in: Node (CLI). Owns: where a passphrase comes from: an environment variable, the first line of stdin,
// or a prompt with echo off. Never a flag value, which would land in shell history and `ps`.
import { readFileSync } from 'node:fs';

export const PASSPHRASE_ENV = 'STOREBRIDGE_PASSPHRASE';
export const MIN_PASSPHRASE_LENGTH = 10;

export interface PassphraseSources {
  env?: NodeJS.ProcessEnv;
  envName?: string;
  /** `--passphrase-stdin`: the first line of stdin. */
  fromStdin?: boolean;
  readStdin?: () => string;
}

/** The passphrase, or undefined when no source gave one (the caller says which sources exist). */
export function readPassphrase(src: PassphraseSources): string | undefined {
  if (src.fromStdin) {
    const line = (src.readStdin ?? (() => readFileSync(0, 'utf8')))().split(/\r?\n/)[0] ?? '';
    return line.length ? line : undefined;
  }
  const value = (src.env ?? process.env)[src.envName ?? PASSPHRASE_ENV];
  return value ? value : undefined;
}

/** Reads one line from a terminal without echoing it. */
export function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '');
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
