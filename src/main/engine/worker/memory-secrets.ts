// Runs in: the engine worker. Owns: a SecretStore over secrets the main thread handed over by value, for
// benchmarks and tests that have no keychain; the product's worker reads the OS keychain itself.
import type { KeychainStatus } from '../../../shared/contract/index.js';
import type { SecretStore } from '../../secrets/secret-store.js';

export class MemorySecretStore implements SecretStore {
  private readonly entries: Map<string, string>;

  constructor(initial: Record<string, string> = {}) {
    this.entries = new Map(Object.entries(initial));
  }

  status(): Promise<KeychainStatus> {
    return Promise.resolve({ available: true, backend: 'In-memory (handed over by the main thread)' });
  }

  set(account: string, secret: string): Promise<void> {
    this.entries.set(account, secret);
    return Promise.resolve();
  }

  get(account: string): Promise<string | undefined> {
    return Promise.resolve(this.entries.get(account));
  }

  delete(account: string): Promise<boolean> {
    return Promise.resolve(this.entries.delete(account));
  }

  /** What a main thread passes to `startEngineWorker({ secrets })`. */
  dump(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}
