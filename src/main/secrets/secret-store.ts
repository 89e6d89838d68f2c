// Runs in: main (Electron-free). Owns: the SecretStore port. Secrets live only behind it (the OS keychain),
// never in SQLite, logs, bundles or anything sent to the renderer.
import type { KeychainStatus } from '../../shared/contract/index.js';

export interface SecretStore {
  status(): Promise<KeychainStatus>;
  /** Throws AppError('keychain_unavailable') when no keychain is reachable; never falls back to plaintext. */
  set(account: string, secret: string): Promise<void>;
  get(account: string): Promise<string | undefined>;
  delete(account: string): Promise<boolean>;
}

/** What the renderer may see of a secret: that it exists and its last four characters. */
export function secretHint(secret: string): string {
  return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
}
