// Runs in: main (Electron-free). Owns: the passphrase-encrypted secrets file for machines without a Secret
// Service. Constructed only when the user asks for it (--secrets-file); never a fallback for the keychain.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open as openFile, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { KeychainStatus } from '../../shared/contract/index.js';
import { AppError } from '../core/errors.js';
import {
  DEFAULT_KDF,
  deriveKey,
  keyParams,
  newKey,
  openWithKey,
  parseSealed,
  sealWithKey,
  type KdfParams,
  type KeyMaterial,
} from '../transfer/sealed.js';
import { promptHidden } from '../transfer/passphrase.js';
import type { SecretStore } from './secret-store.js';

export const SECRETS_FILE_KIND = 'secrets';
export const SECRETS_FILE_BACKEND = 'Passphrase-encrypted file';
export const SECRETS_FILE_ENV = 'STOREBRIDGE_SECRETS_FILE';
export const SECRETS_PASSPHRASE_ENV = 'STOREBRIDGE_SECRETS_PASSPHRASE';

const contentSchema = z.object({ entries: z.record(z.string(), z.string()) });

export interface PassphraseFileOptions {
  kdf?: KdfParams;
  /** Every secret handed out or saved is given here (the workspace logger redacts it). */
  onSecret?: (secret: string) => void;
  /** How long to wait for another process's write to finish. */
  lockTimeoutMs?: number;
}

export class PassphraseFileSecretStore implements SecretStore {
  private key: KeyMaterial | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly passphrase: string,
    private readonly opts: PassphraseFileOptions = {},
  ) {
    if (!passphrase) throw new AppError('invalid_input', 'The secrets file needs a passphrase.');
  }

  async status(): Promise<KeychainStatus> {
    try {
      await this.read();
      return { available: true, backend: SECRETS_FILE_BACKEND };
    } catch (err) {
      return { available: false, backend: SECRETS_FILE_BACKEND, message: (err as Error).message };
    }
  }

  async get(account: string): Promise<string | undefined> {
    const value = (await this.read()).get(account);
    if (value) this.opts.onSecret?.(value);
    return value;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.mutate((entries) => {
      entries.set(account, secret);
      return true;
    });
    this.opts.onSecret?.(secret);
  }

  async delete(account: string): Promise<boolean> {
    let found = false;
    await this.mutate((entries) => (found = entries.delete(account)));
    return found;
  }

  private async read(): Promise<Map<string, string>> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map(); // created by the first set
      throw this.unavailable(`The secrets file ${this.file} cannot be read (${(err as Error).message}).`);
    }
    const what = `the secrets file ${this.file}`;
    try {
      const parsed = parseSealed(bytes, SECRETS_FILE_KIND, what);
      const { kdf, salt } = keyParams(parsed.header);
      if (!this.key || !this.key.salt.equals(salt) || !sameKdf(this.key.kdf, kdf)) {
        this.key = { key: await deriveKey(this.passphrase, salt, kdf), kdf, salt };
      }
      const json = contentSchema.parse(JSON.parse(openWithKey(parsed, this.key.key, what).toString('utf8')));
      return new Map(Object.entries(json.entries));
    } catch (err) {
      this.key = undefined;
      throw this.unavailable(
        err instanceof AppError
          ? err.message
          : `The secrets file ${this.file} is damaged (${(err as Error).message}).`,
      );
    }
  }

  /** One writer at a time: in this process through a promise chain, across processes through a lock file. */
  private mutate(change: (entries: Map<string, string>) => boolean): Promise<void> {
    const run = this.queue.then(async () => {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      const release = await this.lock();
      try {
        const entries = await this.read();
        if (!change(entries)) return;
        this.key ??= await newKey(this.passphrase, this.opts.kdf ?? DEFAULT_KDF);
        const body = Buffer.from(JSON.stringify({ entries: Object.fromEntries(entries) }), 'utf8');
        await writeAtomically(this.file, sealWithKey(body, this.key, SECRETS_FILE_KIND));
      } finally {
        await release();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lock(): Promise<() => Promise<void>> {
    const lockFile = `${this.file}.lock`;
    const deadline = Date.now() + (this.opts.lockTimeoutMs ?? 10_000);
    for (;;) {
      try {
        const fh = await openFile(lockFile, 'wx', 0o600);
        await fh.write(String(process.pid));
        await fh.close();
        return () => rm(lockFile, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      // A lock older than a minute was left by a crashed process: a write takes milliseconds.
      const age = await stat(lockFile).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 60_000) await rm(lockFile, { force: true });
      else if (Date.now() > deadline)
        throw new AppError(
          'keychain_unavailable',
          `The secrets file is locked by another process (${lockFile}).`,
          {
            retryable: true,
          },
        );
      else await new Promise((r) => setTimeout(r, 25));
    }
  }

  private unavailable(detail: string): AppError {
    return new AppError(
      'keychain_unavailable',
      `${detail} Start Storebridge with the passphrase that created it (${SECRETS_PASSPHRASE_ENV} or the prompt).`,
    );
  }
}

function sameKdf(a: KdfParams, b: KdfParams): boolean {
  return a.N === b.N && a.r === b.r && a.p === b.p;
}

/** Temp file beside the target (same filesystem), flushed, then renamed over it: never a half-written file. */
export async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await openFile(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await chmod(file, 0o600);
}

export interface SecretsFileRequest {
  /** `--secrets-file PATH`; else STOREBRIDGE_SECRETS_FILE. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Asked only when STOREBRIDGE_SECRETS_PASSPHRASE is unset; defaults to a no-echo terminal prompt. */
  prompt?: () => Promise<string>;
  onSecret?: (secret: string) => void;
}

/** The secrets file when the user named one, else undefined (the caller uses the OS keychain). */
export async function secretsFileIfAsked(
  req: SecretsFileRequest,
): Promise<PassphraseFileSecretStore | undefined> {
  const env = req.env ?? process.env;
  const file = req.file ?? env[SECRETS_FILE_ENV];
  if (!file) return undefined;
  const passphrase =
    env[SECRETS_PASSPHRASE_ENV] ||
    (await (req.prompt ?? (() => terminalPrompt(`Passphrase for ${file}: `)))());
  if (!passphrase) {
    throw new AppError(
      'invalid_input',
      `The secrets file ${file} needs a passphrase: set ${SECRETS_PASSPHRASE_ENV}, or type it at the prompt (a terminal).`,
    );
  }
  return new PassphraseFileSecretStore(
    resolve(file),
    passphrase,
    req.onSecret ? { onSecret: req.onSecret } : {},
  );
}

/** Only a terminal is prompted: a piped stdin belongs to the command (`stores add --token-stdin`). */
function terminalPrompt(prompt: string): Promise<string> {
  return process.stdin.isTTY ? promptHidden(prompt) : Promise.resolve('');
}
