// Runs in: main (Electron-free). Owns: the suppression list: erased people, by salted hash, whom the next sync
// must not bring back, unless they return with a new explicit consent recorded after the erase. The salt comes
// from the SecretStore (asynchronously): `ready()` before hashing; an empty list needs no salt.
import { AppError } from '../core/errors.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Db } from '../storage/db.js';
import { normaliseEmail, readSalt, subjectHash } from './subject.js';

export class SuppressionList {
  private salt: Buffer | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly secrets: SecretStore,
  ) {}

  /** Loads the salt, creating it on first use; one load at a time, retried after a failure. */
  ready(): Promise<void> {
    if (this.salt) return Promise.resolve();
    this.loading ??= readSalt(this.db, this.secrets, { create: true }).then(
      (salt) => {
        this.salt = salt;
      },
      (err: unknown) => {
        this.loading = undefined;
        throw err;
      },
    );
    return this.loading;
  }

  /** After an import brought another salt: the next use reads it again. */
  forgetSalt(): void {
    this.salt = undefined;
    this.loading = undefined;
  }

  hash(email: string): string {
    if (!this.salt)
      throw new AppError(
        'internal',
        'The privacy salt is not loaded yet (the keychain is read first); try again in a moment.',
      );
    return subjectHash(this.salt, email);
  }

  /** `storeId` '*' suppresses in every store. */
  add(email: string, reason: string, at: number, storeId = '*'): string {
    const h = this.hash(email);
    this.db
      .prepare(
        `INSERT INTO suppressions (store_id, subject_hash, reason, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (store_id, subject_hash) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at`,
      )
      .run(storeId, h, reason, at);
    return h;
  }

  /**
   * For the planner (and the extractor): true when the person was erased and has not since given a new explicit
   * consent in this store.
   */
  isSuppressed(storeId: string, email: string): boolean {
    if (this.size() === 0) return false;
    const row = this.db
      .prepare('SELECT max(created_at) AS at FROM suppressions WHERE store_id IN (?, ?) AND subject_hash = ?')
      .get(storeId, '*', this.hash(email)) as { at: number | null };
    if (row.at === null) return false;
    const back = this.db
      .prepare(
        `SELECT 1 FROM consent_facts WHERE store_id = ? AND email = ? AND explicit = 1
         AND state IN ('subscribed', 'confirmed', 'pending') AND at > ? LIMIT 1`,
      )
      .get(storeId, normaliseEmail(email), row.at);
    return !back;
  }

  size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM suppressions').get() as { n: number }).n;
  }
}

/** A planner-side filter: drops staged records whose email is suppressed. */
export function withoutSuppressed<T extends { storeId: string; data: unknown }>(
  list: SuppressionList,
  records: readonly T[],
): T[] {
  return records.filter((r) => {
    const email = (r.data as { email?: unknown } | null)?.email;
    return typeof email !== 'string' || !list.isSuppressed(r.storeId, email);
  });
}
