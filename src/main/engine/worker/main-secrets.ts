// Runs in: the engine worker. Owns: a SecretStore that asks the main thread for each secret, so the keychain
// keeps one owner (the main thread's store) and secrets cross only as messages, never through SQLite.
import type { ErrorCode, KeychainStatus } from '../../../shared/contract/index.js';
import { AppError } from '../../core/errors.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { SecretAnswer, SecretAsk } from './protocol.js';

type Ask = SecretAsk extends infer A ? (A extends SecretAsk ? Omit<A, 'type' | 'requestId'> : never) : never;

export class MainThreadSecretStore implements SecretStore {
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;

  constructor(private readonly post: (m: SecretAsk) => void) {}

  /** Routes the main thread's answer to the call waiting for it. */
  answer(m: SecretAnswer): void {
    const p = this.pending.get(m.requestId);
    if (!p) return;
    this.pending.delete(m.requestId);
    if (m.ok) p.resolve(m.value);
    else p.reject(new AppError(m.error.code as ErrorCode, m.error.message, { retryable: m.error.retryable }));
  }

  status(): Promise<KeychainStatus> {
    return this.ask({ op: 'status' }) as Promise<KeychainStatus>;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.ask({ op: 'set', account, secret });
  }

  get(account: string): Promise<string | undefined> {
    return this.ask({ op: 'get', account }) as Promise<string | undefined>;
  }

  delete(account: string): Promise<boolean> {
    return this.ask({ op: 'delete', account }) as Promise<boolean>;
  }

  private ask(a: Ask): Promise<unknown> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.post({ type: 'secret', requestId, ...a } as SecretAsk);
    });
  }
}
