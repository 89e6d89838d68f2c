// Runs in: main (Electron-free). Owns: the SecretStore over keytar (macOS Keychain, Windows Credential
// Manager, the Secret Service on Linux). When none is reachable it says so and refuses; no plaintext fallback.
import type * as KeytarModule from 'keytar';
import { AppError } from '../core/errors.js';
import type { KeychainStatus } from '../../shared/contract/index.js';
import type { SecretStore } from './secret-store.js';

type Keytar = typeof KeytarModule;

const backendName: Record<string, string> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (libsecret)',
};

export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar | Error> | undefined;
  private probed: KeychainStatus | undefined;

  /** `service` names the keychain entries; tests pass a unique one each. */
  constructor(
    private readonly service: string,
    private readonly onSecret: (secret: string) => void = () => undefined,
  ) {}

  async status(): Promise<KeychainStatus> {
    if (this.probed?.available) return this.probed;
    const backend = backendName[process.platform] ?? 'OS keychain';
    const k = await this.load();
    if (k instanceof Error) return (this.probed = unavailable(backend, k));
    try {
      // A lookup that reads no secret value: findCredentials reads them all, and on a locked Secret Service
      // collection libsecret hands keytar a null value that crashes the process (segfault, seen on Linux).
      await k.getPassword(this.service, PROBE_ACCOUNT);
      return (this.probed = { available: true, backend });
    } catch (err) {
      return (this.probed = unavailable(backend, err));
    }
  }

  async set(account: string, secret: string): Promise<void> {
    const k = await this.ready();
    await this.guard(() => k.setPassword(this.service, account, secret));
    this.onSecret(secret);
  }

  async get(account: string): Promise<string | undefined> {
    const k = await this.ready();
    const value = await this.guard(() => k.getPassword(this.service, account));
    if (value) {
      this.onSecret(value);
      return value;
    }
    // A locked keychain answers a read with nothing, exactly as if the entry were missing. Only a write
    // tells them apart (keytar has no lock query): a locked collection refuses it.
    await this.assertWritable(k);
    return undefined;
  }

  async delete(account: string): Promise<boolean> {
    const k = await this.ready();
    return this.guard(() => k.deletePassword(this.service, account));
  }

  private async assertWritable(k: Keytar): Promise<void> {
    try {
      await k.setPassword(this.service, PROBE_ACCOUNT, 'probe');
      await k.deletePassword(this.service, PROBE_ACCOUNT);
    } catch (err) {
      this.probed = undefined;
      throw new AppError('keychain_unavailable', lockedMessage(err), { retryable: true, cause: err });
    }
  }

  private async ready(): Promise<Keytar> {
    const st = await this.status();
    if (!st.available)
      throw new AppError('keychain_unavailable', st.message ?? 'The OS keychain is not available.');
    return (await this.load()) as Keytar;
  }

  private load(): Promise<Keytar | Error> {
    this.keytar ??= import('keytar').then(
      (m) => ((m as { default?: Keytar }).default ?? m) as Keytar,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
    return this.keytar;
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      this.probed = undefined; // the keychain may have been locked or stopped since the last probe
      throw new AppError('keychain_unavailable', `The OS keychain refused the request: ${describe(err)}`, {
        retryable: true,
        cause: err,
      });
    }
  }
}

const PROBE_ACCOUNT = '__storebridge_probe__';

const unlockWhere: Record<string, string> = {
  darwin: 'in Keychain Access, or by signing in again',
  win32: 'sign in to Windows again so Credential Manager opens',
  linux: 'the "login" keyring in Passwords and Keys (Seahorse), or your Secret Service provider',
};

/** Said when a read finds nothing and the keychain refuses a write: it is locked, not empty. */
export function lockedMessage(err: unknown): string {
  const where = unlockWhere[process.platform] ?? 'your OS keychain';
  return (
    `The OS keychain is locked or unavailable (${describe(err)}): unlock your keychain (${where}), then try ` +
    'again. Nothing needs to be entered again: saved credentials stay in the keychain while it is locked.'
  );
}

function unavailable(backend: string, err: unknown): KeychainStatus {
  const hint =
    process.platform === 'linux'
      ? 'Start a Secret Service provider (for example gnome-keyring or KeePassXC with Secret Service enabled) and unlock it'
      : 'Unlock the OS keychain';
  return {
    available: false,
    backend,
    message:
      `No usable ${backend} (${describe(err)}). ${hint}, then try again. ` +
      'Storebridge never stores credentials in plain text, so stores and accounts cannot be saved until then.',
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
