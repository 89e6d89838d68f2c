// The diagnostics bundle against a real workspace, event log and keychain (run under scripts/with-keychain.sh):
// a canary token planted in leaky places never reaches the zip; personal data is masked unless asked for.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { accountCredentialsAccount } from '../../src/main/accounts/account-service.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { JobQueue } from '../../src/main/engine/queue/job-queue.js';
import { EventLog } from '../../src/main/events/event-log.js';
import {
  buildDiagnostics,
  previewDiagnostics,
  saveDiagnostics,
  type DiagnosticsBundle,
} from '../../src/main/diagnostics/bundle.js';
import { tempDir, uniqueService } from '../support/temp.js';
import { addAccountAndConnection } from '../transfer/helpers.js';

const CANARY = 'tok_DIAG_CANARY_3c8f1e07b5a94d21';
const ACCOUNT_CANARY = 'ac_DIAG_CANARY_KEY_9d2b7c';
const EMAIL = 'jane.doe@example.com';

const open: Workspace[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

async function leakyWorkspace() {
  const ws = openWorkspace({ dir: tempDir(), host: 'test', keychainService: uniqueService('diag') });
  open.push(ws);
  const added = await ws.call('stores:add', { name: 'Diag store', storeHash: 'diag1', accessToken: CANARY });
  if (!added.ok) throw new Error(added.error.message);
  addAccountAndConnection(ws, added.value.id);
  await ws.secrets.set(accountCredentialsAccount('acct-1'), JSON.stringify({ apiKey: ACCOUNT_CANARY }));

  const now = Date.now();
  const queue = new JobQueue(ws.db);
  const job = (id: string) => ({
    entityType: 'customer',
    entityId: id,
    version: '1',
    kind: 'upsert' as const,
    priority: 0 as const,
    payload: { id },
  });
  queue.enqueue('conn-1', [job('1'), job('2'), job('3')], false, now - 60_000);
  ws.db
    .prepare(`UPDATE jobs SET status = 'dead', last_error = ? WHERE entity_id = '3'`)
    .run(`422 Unprocessable: contact ${EMAIL} has an invalid phone`);
  ws.db
    .prepare(
      `INSERT INTO deliveries (connection_id, entity_type, entity_id, version, payload_hash, delivered_at) VALUES ('conn-1', 'customer', '9', '1', 'h', ?)`,
    )
    .run(now);

  // The workspace keeps personal data unmasked in its event log; the bundle must still mask it.
  const events = new EventLog(join(ws.dir, 'events.db'), { clock: { now: () => now }, maskPii: () => false });
  events.append(
    {
      level: 'error',
      type: 'delivery.dead',
      message: `Rejected ${EMAIL}`,
      connectionId: 'conn-1',
      payload: { apiKey: CANARY, email: EMAIL },
    },
    {
      level: 'info',
      type: 'debug.note',
      message: 'a careless note',
      payload: { note: `header was Bearer ${CANARY}`, accountKey: ACCOUNT_CANARY },
    },
  );
  events.close();

  // Through the workspace logger (which redacts registered secrets), and raw, as a process that had not
  // registered the secret yet would have written it.
  ws.logger.log('warn', `retrying with token ${CANARY} for ${EMAIL}`);
  appendFileSync(
    join(ws.dir, 'logs', 'storebridge.log'),
    `plain line from an old build: ${CANARY} ${ACCOUNT_CANARY}\n`,
  );
  return { ws, storeId: added.value.id };
}

function unzipSaved(file: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(file));
}

const text = (files: Record<string, Uint8Array>, name: string) => Buffer.from(files[name]!).toString('utf8');

function expectAbsent(bytes: Uint8Array, secret: string, where: string) {
  const b = Buffer.from(bytes);
  expect(b.includes(Buffer.from(secret)), `${secret} in ${where}`).toBe(false);
  expect(b.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${where}`).toBe(false);
}

describe('diagnostics bundle', () => {
  it('carries what support needs and no secret, whatever leaked where', async () => {
    const { ws } = await leakyWorkspace();
    const out = join(tempDir(), 'diag.zip');
    const bundle = await buildDiagnostics(ws);
    const saved = await saveDiagnostics(bundle, out);
    expect(saved.size).toBe(readFileSync(out).length);

    const raw = readFileSync(out);
    const files = unzipSaved(out);
    expect(Object.keys(files).sort()).toEqual([
      'configuration.json',
      'events.json',
      'integrity.json',
      'manifest.json',
      'queue.json',
      'storebridge.log',
      'system.json',
      'workspace.json',
    ]);
    for (const secret of [CANARY, ACCOUNT_CANARY]) {
      expectAbsent(raw, secret, 'the zip');
      for (const [name, bytes] of Object.entries(files)) expectAbsent(bytes, secret, name);
    }

    const manifest = JSON.parse(text(files, 'manifest.json')) as {
      files: Array<{ name: string; size: number; sha256: string }>;
      personalData: string;
      knownSecretsCutOut: boolean;
    };
    expect(manifest.files.map((f) => f.name)).toHaveLength(7);
    for (const f of manifest.files) {
      expect(f.size).toBe(files[f.name]!.length);
      const { createHash } = await import('node:crypto');
      expect(f.sha256).toBe(createHash('sha256').update(files[f.name]!).digest('hex'));
    }
    expect(manifest).toMatchObject({ personalData: 'masked', knownSecretsCutOut: true });

    const system = JSON.parse(text(files, 'system.json'));
    expect(system.versions.node).toBe(process.versions.node);
    expect(system.os).toMatchObject({ platform: process.platform, arch: process.arch });
    expect(system.keychain.available).toBe(true);

    const config = JSON.parse(text(files, 'configuration.json'));
    expect(config.stores[0]).toMatchObject({
      name: 'Diag store',
      store_hash: 'diag1',
      token_hint: '••••4d21',
    });
    expect(config.platform_accounts[0]).toMatchObject({
      credential_hint: '••••9z9z',
      settings: { baseUrl: 'https://x.api-us1.com' },
    });
    expect(config.connections[0]).toMatchObject({ id: 'conn-1', scope: { channels: [1] } });

    const [queue] = JSON.parse(text(files, 'queue.json'));
    expect(queue).toMatchObject({
      connectionId: 'conn-1',
      jobs: { queued: 2, dead: 1 },
      deliveries: { count: 1 },
    });
    expect(queue.oldestQueuedAgeMs).toBeGreaterThanOrEqual(60_000);
    expect(queue.deadLetters[0].reason).toMatch(/^422 Unprocessable: contact j•••@e•••\.com/);

    const integrity = JSON.parse(text(files, 'integrity.json'));
    expect(integrity.workspace).toMatchObject({ ok: true, integrityCheck: ['ok'], quickCheck: ['ok'] });
    expect(integrity.events).toMatchObject({ ok: true });

    const log = text(files, 'storebridge.log');
    expect(log).toMatch(/retrying with token \[redacted\] for j•••@e•••\.com/);
    expect(log).toContain('plain line from an old build: [redacted] [redacted]');
    expect(JSON.parse(text(files, 'workspace.json')).rowCounts).toMatchObject({ stores: 1, jobs: 3 });
  });

  it('masks personal data by default and includes it only when asked', async () => {
    const { ws } = await leakyWorkspace();
    const masked = await buildDiagnostics(ws);
    const events = JSON.parse(fileText(masked, 'events.json')) as Array<{
      type: string;
      message: string;
      payload: Record<string, unknown>;
    }>;
    const dead = events.find((e) => e.type === 'delivery.dead')!;
    expect(dead.payload).toEqual({ apiKey: '[redacted]', email: 'j•••@e•••.com' });
    expect(dead.message).toBe('Rejected j•••@e•••.com');
    for (const f of masked.files) expect(Buffer.from(f.bytes).includes(EMAIL), f.name).toBe(false);

    const full = await buildDiagnostics(ws, { includePii: true });
    const fullEvents = fileText(full, 'events.json');
    expect(fullEvents).toContain(`"email": "${EMAIL}"`);
    expect(fileText(full, 'queue.json')).toContain(EMAIL);
    expect(JSON.parse(fileText(full, 'manifest.json')).personalData).toMatch(/included/);
    for (const f of full.files) expectAbsent(f.bytes, CANARY, f.name);
  });

  it('previews every file with its size and first lines before anything is saved', async () => {
    const { ws } = await leakyWorkspace();
    const bundle = await buildDiagnostics(ws, { logLines: 1 });
    const preview = previewDiagnostics(bundle, 120);
    expect(preview.map((p) => p.name)).toEqual(bundle.files.map((f) => f.name));
    for (const p of preview) {
      expect(p.size).toBe(bundle.files.find((f) => f.name === p.name)!.bytes.length);
      expect(p.excerpt.length).toBeLessThanOrEqual(122);
    }
    expect(preview.find((p) => p.name === 'system.json')!.excerpt).toMatch(/^\{\n {2}"generatedAt"/);
    // logLines: 1 keeps only the newest line.
    expect(fileText(bundle, 'storebridge.log').trim().split('\n')).toHaveLength(1);
  });
});

function fileText(bundle: DiagnosticsBundle, name: string): string {
  return Buffer.from(bundle.files.find((f) => f.name === name)!.bytes).toString('utf8');
}
