// Runs in: main (Electron-free). Owns: assembling the diagnostics bundle (every section sanitised, known secrets
// cut out, a manifest with sizes and sha256), previewing it, and saving it as a zip.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { accountCredentialsAccount } from '../accounts/account-service.js';
import { APP_VERSION } from '../app/version.js';
import { EventLog } from '../events/event-log.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { writeAtomically } from '../secrets/file-store.js';
import type { Db } from '../storage/db.js';
import { storeTokenAccount } from '../stores/store-service.js';
import { recentEvents, sanitizeLogLine, tailLines } from './activity.js';
import { integrity } from './integrity.js';
import { queueStats } from './queue-stats.js';
import { Scrubber } from './scrub.js';
import { systemInfo } from './system.js';
import { configuration, tableNames, workspaceSettings } from './workspace-data.js';

export const EVENTS_FILE = 'events.db';
export const LOG_FILE = join('logs', 'storebridge.log');

export interface DiagnosticsSource {
  dir: string;
  db: Db;
  secrets: SecretStore;
}

export interface DiagnosticsOptions {
  /** Personal data (e-mails, names, phones) unmasked. Off unless the user asks. */
  includePii?: boolean;
  logLines?: number;
  eventLimit?: number;
  /** The open event log; otherwise `events.db` in the workspace is opened for the duration. */
  eventLog?: EventLog;
  now?: () => number;
}

export interface BundleFile {
  name: string;
  bytes: Uint8Array;
}

export interface DiagnosticsBundle {
  createdAt: number;
  includePii: boolean;
  files: BundleFile[];
}

export async function buildDiagnostics(
  ws: DiagnosticsSource,
  opts: DiagnosticsOptions = {},
): Promise<DiagnosticsBundle> {
  const now = opts.now?.() ?? Date.now();
  const s = { maskPii: opts.includePii !== true };
  const scrubber = await knownSecrets(ws);
  const sections: Array<[string, unknown]> = [
    ['system.json', await systemInfo(ws.dir, ws.secrets, now)],
    ['workspace.json', workspaceSettings(ws.db)],
    ['configuration.json', configuration(ws.db, s)],
    ['queue.json', queueStats(ws.db, now, s)],
  ];
  const eventsFile = join(ws.dir, EVENTS_FILE);
  const log =
    opts.eventLog ??
    (existsSync(eventsFile)
      ? new EventLog(eventsFile, { clock: { now: () => now }, maskPii: () => true })
      : null);
  try {
    sections.push(['events.json', log ? recentEvents(log, opts.eventLimit ?? 500, s) : []]);
    sections.push([
      'integrity.json',
      { workspace: integrity(ws.db, 'storebridge.db'), events: log ? integrity(log.db, EVENTS_FILE) : null },
    ]);
  } finally {
    if (log && log !== opts.eventLog) log.close();
  }
  const tail = tailLines(join(ws.dir, LOG_FILE), opts.logLines ?? 1000).map((l) => sanitizeLogLine(l, s));

  const files: BundleFile[] = [
    ...sections.map(([name, value]) => text(name, scrubber.text(JSON.stringify(value, null, 2) + '\n'))),
    text('storebridge.log', scrubber.text(tail.join('\n') + (tail.length ? '\n' : ''))),
  ];
  const manifest = {
    format: 'storebridge-diagnostics',
    version: 1,
    appVersion: APP_VERSION,
    generatedAt: new Date(now).toISOString(),
    personalData: s.maskPii ? 'masked' : 'included (asked for explicitly)',
    knownSecretsCutOut: scrubber.size > 0,
    files: files.map((f) => ({
      name: f.name,
      size: f.bytes.length,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
    })),
  };
  files.push(text('manifest.json', JSON.stringify(manifest, null, 2) + '\n'));
  return { createdAt: now, includePii: !s.maskPii, files };
}

export interface PreviewEntry {
  name: string;
  size: number;
  excerpt: string;
}

/** What the user sees before saving: each file, its size and its first lines. */
export function previewDiagnostics(bundle: DiagnosticsBundle, excerptChars = 400): PreviewEntry[] {
  return bundle.files.map((f) => {
    const all = Buffer.from(f.bytes).toString('utf8');
    const cut = all.length > excerptChars ? all.slice(0, excerptChars).replace(/\n[^\n]*$/, '') + '\n…' : all;
    return { name: f.name, size: f.bytes.length, excerpt: cut };
  });
}

export function zipDiagnostics(bundle: DiagnosticsBundle): Uint8Array {
  const mtime = new Date(bundle.createdAt);
  return zipSync(Object.fromEntries(bundle.files.map((f) => [f.name, [f.bytes, { mtime }]])), { level: 6 });
}

export async function saveDiagnostics(
  bundle: DiagnosticsBundle,
  path: string,
): Promise<{ path: string; size: number }> {
  const target = resolve(path);
  const zip = zipDiagnostics(bundle);
  await writeAtomically(target, Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  return { path: target, size: zip.byteLength };
}

/**
 * Reads the secrets this workspace references, only to cut them out of the bundle. A keychain that cannot be
 * read leaves the key-based redaction, which the manifest records.
 */
async function knownSecrets(ws: DiagnosticsSource): Promise<Scrubber> {
  const scrubber = new Scrubber();
  const tables = new Set(tableNames(ws.db));
  const ids = (t: string) =>
    (ws.db.prepare(`SELECT id FROM "${t}"`).all() as Array<{ id: string }>).map((r) => r.id);
  const accounts = [
    ...(tables.has('stores') ? ids('stores').map(storeTokenAccount) : []),
    ...(tables.has('platform_accounts') ? ids('platform_accounts').map(accountCredentialsAccount) : []),
  ];
  for (const account of accounts) scrubber.add(await ws.secrets.get(account).catch(() => undefined));
  return scrubber;
}

function text(name: string, content: string): BundleFile {
  return { name, bytes: Buffer.from(content, 'utf8') };
}
