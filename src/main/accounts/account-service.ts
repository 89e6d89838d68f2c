// Runs in: main (Electron-free). Owns: platform accounts: the credentials go to the keychain (one JSON entry
// per account, `account:<id>:credentials`), settings and a hint to SQLite; validated by the connector's schemas.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { Connector } from '../engine/connector.js';
import { connectorFor } from '../platforms/registry.js';
import { secretHint, type SecretStore } from '../secrets/secret-store.js';
import type { Db } from '../storage/db.js';
import { parseOrExplain } from './validate.js';

export interface AccountSummary {
  id: string;
  platform: string;
  name: string;
  settings: Record<string, unknown>;
  credentials: { configured: boolean; hint: string };
  createdAt: string;
}

interface Row {
  id: string;
  platform: string;
  name: string;
  settings: string;
  credential_hint: string;
  created_at: string;
}

export const accountCredentialsAccount = (id: string): string => `account:${id}:credentials`;

export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly onChange: () => void = () => undefined,
  ) {}

  list(): AccountSummary[] {
    return (this.db.prepare('SELECT * FROM platform_accounts ORDER BY created_at, rowid').all() as Row[]).map(
      toSummary,
    );
  }

  get(id: string): AccountSummary {
    return toSummary(this.row(id));
  }

  async add(input: {
    platform: string;
    name: string;
    credentials: unknown;
    settings?: unknown;
  }): Promise<AccountSummary> {
    const connector = this.connector(input.platform);
    const credentials = parseOrExplain(
      connector.credentialsSchema,
      input.credentials,
      `${connector.label} credentials`,
    );
    const id = randomUUID();
    const hint = hintOf(credentials);
    await this.secrets.set(accountCredentialsAccount(id), JSON.stringify(credentials));
    try {
      this.db
        .prepare(
          'INSERT INTO platform_accounts (id, platform, name, settings, credential_hint, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          input.platform,
          input.name,
          JSON.stringify(input.settings ?? {}),
          hint,
          new Date(this.clock.now()).toISOString(),
        );
    } catch (err) {
      await this.secrets.delete(accountCredentialsAccount(id)).catch(() => undefined);
      throw err;
    }
    this.onChange();
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    this.row(id);
    const { n } = this.db.prepare('SELECT count(*) AS n FROM connections WHERE account_id = ?').get(id) as {
      n: number;
    };
    if (n > 0)
      throw new AppError('conflict', `This account still has ${n} connection(s). Remove them first.`);
    await this.secrets.delete(accountCredentialsAccount(id));
    this.db.prepare('DELETE FROM platform_accounts WHERE id = ?').run(id);
    this.onChange();
  }

  /** For main-process services only; never crosses the contract. */
  async credentials(id: string): Promise<unknown> {
    const row = this.row(id);
    const raw = await this.secrets.get(accountCredentialsAccount(id));
    if (!raw) {
      throw new AppError(
        'unauthorized',
        `The credentials of account "${row.name}" are missing from the keychain. Enter them again.`,
      );
    }
    return JSON.parse(raw) as unknown;
  }

  connector(platform: string): Connector<unknown, unknown> {
    const c = connectorFor(platform);
    if (!c)
      throw new AppError('invalid_input', `Unknown platform "${platform}".`, {
        fields: { platform: 'Unknown platform' },
      });
    return c;
  }

  private row(id: string): Row {
    const row = this.db.prepare('SELECT * FROM platform_accounts WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', `No platform account with id ${id} in this workspace.`);
    return row;
  }
}

/** The hint of the longest credential value: usually the API key, never a whole secret. */
function hintOf(credentials: unknown): string {
  if (!credentials || typeof credentials !== 'object') return '';
  const values = Object.values(credentials).filter((v): v is string => typeof v === 'string');
  const longest = values.sort((a, b) => b.length - a.length)[0];
  return longest ? secretHint(longest) : '';
}

function toSummary(r: Row): AccountSummary {
  return {
    id: r.id,
    platform: r.platform,
    name: r.name,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    credentials: { configured: r.credential_hint !== '' || r.platform === 'file', hint: r.credential_hint },
    createdAt: r.created_at,
  };
}
