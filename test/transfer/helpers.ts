// Runs in: vitest. Owns: workspaces with the engine tables, and what a keychain service holds, for transfer tests.
import keytar from 'keytar';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { silentLogger } from '../../src/main/core/logger.js';
import { migrations } from '../../src/main/storage/migrations/index.js';
import { m003 } from '../../src/main/storage/migrations/003-engine.js';
import { tempDir, uniqueService } from '../support/temp.js';

export interface TestWorkspace extends Workspace {
  service: string;
}

export function engineWorkspace(label: string): TestWorkspace {
  const service = uniqueService(label);
  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: service, logger: silentLogger });
  // Older checkouts did not register the engine migration yet; apply it as test/support once did.
  if (!migrations.includes(m003)) ws.db.exec(m003.sql);
  return Object.assign(ws, { service });
}

export async function keychainAccounts(service: string): Promise<string[]> {
  return (await keytar.findCredentials(service)).map((c) => c.account).sort();
}

export function addAccountAndConnection(ws: Workspace, storeId: string): void {
  const now = new Date().toISOString();
  ws.db
    .prepare(
      `INSERT INTO platform_accounts (id, platform, name, settings, credential_hint, created_at)
       VALUES ('acct-1', 'activecampaign', 'AC main', '{"baseUrl":"https://x.api-us1.com"}', '••••9z9z', ?)`,
    )
    .run(now);
  ws.db
    .prepare(
      `INSERT INTO connections (id, store_id, account_id, name, scope, created_at)
       VALUES ('conn-1', ?, 'acct-1', 'Store to AC', '{"channels":[1]}', ?)`,
    )
    .run(storeId, now);
}
