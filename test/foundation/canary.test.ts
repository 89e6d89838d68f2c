// A canary token is added through the contract; it must reach the keychain and nothing else: no SQLite
// file (main, WAL, shared memory), no log line, no payload the renderer can see.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../src/shared/contract/index.js';
import { openWorkspace } from '../../src/main/app/workspace.js';
import { storeTokenAccount } from '../../src/main/stores/store-service.js';
import { tempDir, uniqueService } from '../support/temp.js';

const CANARY = 'tok_CANARY_7f3a9c1e5b2d4f60a8e1';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('canary secret', () => {
  it('lives only in the keychain', async () => {
    const dir = tempDir();
    const ws = openWorkspace({ dir, host: 'test', keychainService: uniqueService('canary') });
    const seen: string[] = [];
    ws.bus.onAny((event, payload) => seen.push(JSON.stringify({ event, payload })));

    const added = await ws.call('stores:add', {
      name: 'Canary store',
      storeHash: 'canary1',
      accessToken: CANARY,
    });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    seen.push(JSON.stringify(added));
    // Every read-only channel a renderer can call, with the payloads it would receive.
    for (const channel of channelNames.filter((c) => c.endsWith(':list') || c.endsWith(':info'))) {
      seen.push(JSON.stringify(await ws.call(channel, {})));
    }
    seen.push(JSON.stringify(await ws.call('stores:rename', { id: added.value.id, name: 'Renamed' })));
    // A failing call that echoes input must not echo the secret either.
    seen.push(
      JSON.stringify(await ws.call('stores:add', { name: 'Dup', storeHash: 'canary1', accessToken: CANARY })),
    );
    ws.logger.log('info', `token used: ${await ws.stores.token(added.value.id)}`);

    // The keychain holds it (so the test would notice a store that silently saved it nowhere).
    expect(await ws.secrets.get(storeTokenAccount(added.value.id))).toBe(CANARY);
    expect(seen.join('\n')).not.toContain(CANARY);
    expect(seen.join('\n')).toContain('••••');

    ws.close();
    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('storebridge.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('.log'))).toBe(true);
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(CANARY)), `canary found in ${f}`).toBe(false);
      expect(bytes.includes(Buffer.from(CANARY, 'utf16le')), `canary (UTF-16) found in ${f}`).toBe(false);
    }

    // Removing the store removes its keychain entry.
    const again = openWorkspace({ dir, host: 'test', secrets: ws.secrets });
    expect((await again.call('stores:remove', { id: added.value.id })).ok).toBe(true);
    expect(await again.secrets.get(storeTokenAccount(added.value.id))).toBeUndefined();
    again.close();
  });
});
