// Runs in: vitest (under scripts/with-keychain.sh). Owns: property-based fuzzing of every contract channel
// through the real dispatch of a real workspace (SQLite files, keychain, simulators): a refused call is a
// validation-kind error, never "internal", never an unhandled rejection, and it writes nothing.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, errorCodes, type ChannelName } from '../../src/shared/contract/index.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { startActiveCampaignSim } from '../../src/sandbox/activecampaign/index.js';
import { startBigCommerceSim } from '../../src/sandbox/bigcommerce/index.js';
import { uniqueService } from '../support/temp.js';
import { dbFingerprint } from './db-snapshot.js';
import { arbitraryInput, shapedInput } from './fuzz-inputs.js';

/** Runs per channel and per kind of input; 54 channels x 2 x this is a few thousand calls. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

let ws: Workspace;
let pool: string[] = [];
let outDir = '';
const closers: Array<() => unknown> = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const bc = await startBigCommerceSim({
    stores: [
      {
        hash: 'fuzzstore',
        seed: { customers: 5, orders: 5, products: 2, seed: 'fuzz' },
        quota: 100_000,
        windowMs: 1000,
        tokens: [{ token: 'tok_fuzz_0123456789' }],
      },
    ],
  });
  closers.push(() => bc.close());
  const ac = await startActiveCampaignSim({ rateLimit: 100_000 });
  closers.push(() => ac.close());
  // Not tempDir(): its cleanup runs after each test, and this workspace serves them all.
  const dir = mkdtempSync(join(tmpdir(), 'storebridge-fuzz-'));
  outDir = join(dir, 'out');
  mkdirSync(outDir);
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  ws = openWorkspace({ dir, host: 'test', keychainService: uniqueService('fuzz') });
  closers.push(() => ws.close());
  const store = await ws.stores.add({
    name: 'Fuzz',
    storeHash: 'fuzzstore',
    accessToken: 'tok_fuzz_0123456789',
    apiBaseUrl: bc.url,
  });
  const account = await ws.accounts.add({
    platform: 'activecampaign',
    name: 'AC',
    credentials: { apiUrl: ac.credentials.apiUrl, apiKey: ac.credentials.apiKey },
  });
  const conn = ws.connections.add({
    storeId: store.id,
    accountId: account.id,
    mode: 'off',
    settings: { storeUrl: 'https://shop.example.com', requestsPerSecond: 1000, timeoutMs: 300 },
  });
  // Real ids, so shaped inputs sometimes reach the handlers with an entity that exists.
  pool = [store.id, account.id, conn.id, 'activecampaign', 'file'];
}, 30_000);

afterAll(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  process.off('unhandledRejection', onUnhandled);
});

let files = 0;
/**
 * Any path the fuzzer names is moved under a temp folder: a valid call really writes its file (or, one time in
 * three, aims at a folder that does not exist, which must be refused as bad input).
 */
function confine(input: unknown): unknown {
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    const n = files++;
    if (typeof o.path === 'string' && o.path.length > 0)
      return { ...o, path: join(outDir, n % 3 === 0 ? 'missing' : '', `f${n}`) };
  }
  return input;
}

/** How each call ended, to show the fuzzer got past validation as well as into it. */
const tally = new Map<string, number>();
const refusedKinds = errorCodes.filter((c) => c !== 'internal');

async function expectContained(channel: unknown, rawInput: unknown): Promise<void> {
  const input = confine(rawInput);
  const before = dbFingerprint({ main: ws.db, events: ws.events.db });
  const result = await ws.callUnchecked(channel, input);
  const kind = result.ok ? 'ok' : result.error.code;
  tally.set(kind, (tally.get(kind) ?? 0) + 1);
  const shown = `${String(channel)} ${JSON.stringify(input)?.slice(0, 300)}`;
  expect(typeof result.ok, shown).toBe('boolean');
  if (result.ok) return;
  expect(refusedKinds, `${shown} -> ${result.error.message}`).toContain(result.error.code);
  expect(result.error.message.length, shown).toBeGreaterThan(0);
  expect(dbFingerprint({ main: ws.db, events: ws.events.db }), `a refused ${shown} wrote`).toBe(before);
}

describe('every contract channel under fuzzing', () => {
  it('lists every channel of the contract (a new channel is fuzzed without editing this file)', () => {
    expect(Object.keys(channels).sort()).toEqual([...channelNames].sort());
    expect(channelNames.length).toBeGreaterThan(50);
  });

  it.each(channelNames.map((c) => [c]))(
    '%s: arbitrary JSON and schema-shaped inputs',
    async (channel: ChannelName) => {
      await fc.assert(
        fc.asyncProperty(arbitraryInput, (input) => expectContained(channel, input)),
        { numRuns: RUNS, seed: seedFor(channel) },
      );
      await fc.assert(
        fc.asyncProperty(shapedInput(channels[channel].input, pool), (input) =>
          expectContained(channel, input),
        ),
        { numRuns: RUNS * 2, seed: seedFor(channel) + 1 },
      );
    },
    60_000,
  );

  it('unknown and malformed channel names are refused as invalid input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'stores:'),
        ),
        arbitraryInput,
        async (channel, input) => {
          fc.pre(!(channelNames as readonly unknown[]).includes(channel));
          const r = await ws.callUnchecked(channel, input);
          expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        },
      ),
      { numRuns: RUNS * 10 },
    );
  });

  it('no unhandled rejection escaped any call, and many calls reached the handlers', () => {
    expect(unhandled).toEqual([]);
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    const validated = total - (tally.get('invalid_input') ?? 0);
    console.log(`fuzzed ${total} calls:`, Object.fromEntries(tally));
    expect(total).toBeGreaterThan(3000);
    expect(validated / total).toBeGreaterThan(0.1);
  });
});

/** A fixed seed per channel, so a failure reproduces; FUZZ_SEED shifts them all for a fresh exploration. */
function seedFor(channel: string): number {
  let h = Number(process.env.FUZZ_SEED ?? 0);
  for (const ch of channel) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
