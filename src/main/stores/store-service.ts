// Runs in: main (Electron-free). Owns: adding, listing, renaming, re-keying and removing BigCommerce stores; the token
// (and the optional client secret) go to the keychain (`store:<id>:token`, `store:<id>:client-secret`), the row to
// SQLite, and every change is announced.
import { randomUUID } from 'node:crypto';
import type { AddStoreInput, StoreSummary } from '../../shared/contract/index.js';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/emitter.js';
import { AppError } from '../core/errors.js';
import { secretHint, type SecretStore } from '../secrets/secret-store.js';
import type { StoreRepo, StoreRow } from './store-repo.js';

export const BIGCOMMERCE_API_BASE = 'https://api.bigcommerce.com';

export const storeTokenAccount = (storeId: string): string => `store:${storeId}:token`;
/** The API account's client secret: the key BigCommerce signs webhook callbacks with. Optional. */
export const storeClientSecretAccount = (storeId: string): string => `store:${storeId}:client-secret`;

/** Clean-up on the store itself before it leaves (hooks, scripts); it may still use the store's token. */
export type BeforeRemove = (storeId: string) => Promise<void>;

export class StoreService {
  private readonly beforeRemove: BeforeRemove[] = [];
  private readonly tokenReplaced: Array<(storeId: string) => void> = [];

  constructor(
    private readonly repo: StoreRepo,
    private readonly secrets: SecretStore,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  list(): StoreSummary[] {
    return this.repo.list().map(toSummary);
  }

  get(id: string): StoreSummary {
    return toSummary(this.row(id));
  }

  async add(input: AddStoreInput & { demo?: boolean }): Promise<StoreSummary> {
    const apiBaseUrl = (input.apiBaseUrl ?? BIGCOMMERCE_API_BASE).replace(/\/+$/, '');
    const existing = this.repo.findByHash(apiBaseUrl, input.storeHash);
    if (existing) {
      throw new AppError(
        'conflict',
        `Store ${input.storeHash} is already in this workspace as "${existing.name}".`,
        {
          fields: { storeHash: 'Already added' },
        },
      );
    }
    const id = randomUUID();
    // Keychain first: a row without its secret would be a store that cannot sync; the reverse is cleaned up below.
    await this.secrets.set(storeTokenAccount(id), input.accessToken);
    const row: StoreRow = {
      id,
      name: input.name,
      store_hash: input.storeHash,
      api_base_url: apiBaseUrl,
      token_hint: secretHint(input.accessToken),
      demo: input.demo ? 1 : 0,
      created_at: new Date(this.clock.now()).toISOString(),
    };
    try {
      if (input.clientSecret) await this.secrets.set(storeClientSecretAccount(id), input.clientSecret);
      this.repo.insert(row);
    } catch (err) {
      await this.secrets.delete(storeTokenAccount(id)).catch(() => undefined);
      await this.secrets.delete(storeClientSecretAccount(id)).catch(() => undefined);
      throw err;
    }
    this.announce();
    return toSummary(row);
  }

  rename(id: string, name: string): StoreSummary {
    this.row(id);
    this.repo.rename(id, name);
    this.announce();
    return this.get(id);
  }

  /**
   * Replaces the store's token in place, connections and history untouched. `verify` asks the store with the
   * new token first and throws when it is refused: the keychain entry is replaced only after it passed, so a
   * mistyped token never costs the one that worked.
   */
  async replaceToken(
    id: string,
    accessToken: string,
    verify: (store: StoreSummary, token: string) => Promise<void>,
  ): Promise<StoreSummary> {
    const store = this.get(id);
    await verify(store, accessToken);
    await this.secrets.set(storeTokenAccount(id), accessToken);
    this.repo.setTokenHint(id, secretHint(accessToken));
    for (const fn of this.tokenReplaced) fn(id);
    this.announce();
    return this.get(id);
  }

  /**
   * Sets (or, with null, clears) the API account's client secret. It cannot be tried against the store (the API
   * does not use it); a wrong one shows as refused callbacks with a signature reason in the event log.
   */
  async setClientSecret(id: string, clientSecret: string | null): Promise<StoreSummary> {
    this.row(id);
    if (clientSecret) await this.secrets.set(storeClientSecretAccount(id), clientSecret);
    else await this.secrets.delete(storeClientSecretAccount(id));
    this.announce();
    return this.get(id);
  }

  /** For main-process services only (the webhook receiver); never crosses the contract. */
  async clientSecret(id: string): Promise<string | undefined> {
    return this.secrets.get(storeClientSecretAccount(this.row(id).id));
  }

  /** Called after a token was replaced, so clients built with the old one are dropped. */
  onTokenReplaced(fn: (storeId: string) => void): void {
    this.tokenReplaced.push(fn);
  }

  /** A demo store's simulator listens on a new port each launch. */
  relocate(id: string, apiBaseUrl: string): void {
    this.row(id);
    this.repo.relocate(id, apiBaseUrl.replace(/\/+$/, ''));
    this.announce();
  }

  /** Registers clean-up that runs (in order) before a store is removed; it must not throw to block removal. */
  onBeforeRemove(fn: BeforeRemove): void {
    this.beforeRemove.push(fn);
  }

  /** Deletes the keychain entry first, so a store is never removed while its token stays behind. */
  async remove(id: string): Promise<void> {
    this.row(id);
    for (const fn of this.beforeRemove) await fn(id);
    await this.secrets.delete(storeClientSecretAccount(id));
    await this.secrets.delete(storeTokenAccount(id));
    this.repo.remove(id);
    this.announce();
  }

  /** For main-process services only; never crosses the contract. */
  async token(id: string): Promise<string> {
    const token = await this.secrets.get(storeTokenAccount(this.row(id).id));
    if (!token) {
      throw new AppError(
        'unauthorized',
        `The API token of store "${this.row(id).name}" is missing from the keychain. Enter it again under Stores.`,
      );
    }
    return token;
  }

  private row(id: string): StoreRow {
    const row = this.repo.get(id);
    if (!row) throw new AppError('not_found', `No store with id ${id} in this workspace.`);
    return row;
  }

  private announce(): void {
    this.bus.emit('stores:changed', { stores: this.list() });
  }
}

function toSummary(row: StoreRow): StoreSummary {
  return {
    id: row.id,
    name: row.name,
    storeHash: row.store_hash,
    apiBaseUrl: row.api_base_url,
    credentials: { configured: true, hint: row.token_hint },
    demo: row.demo === 1,
    createdAt: row.created_at,
  };
}
