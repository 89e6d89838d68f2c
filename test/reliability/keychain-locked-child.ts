// Runs in: a child process under its own scripts/with-keychain.sh session (so locking its keyring cannot
// disturb other tests). Owns: the locked-keychain scenario; prints one JSON line of what it saw.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../src/main/app/workspace.js';

const [dir] = process.argv.slice(2);
const KEPT = 'tok_locked_kept_0123456789';
const NEW = 'tok_locked_new_9876543210';
const secretService = [
  '--session',
  '--print-reply',
  '--dest=org.freedesktop.secrets',
  '/org/freedesktop/secrets',
];
const login = 'array:objpath:/org/freedesktop/secrets/collection/login';

const ws = openWorkspace({ dir: dir!, host: 'test', keychainService: `storebridge-locked-${process.pid}` });
const kept = await ws.stores.add({ name: 'Kept', storeHash: 'kept1', accessToken: KEPT });
// Unlocked, an entry that does not exist still reads as missing (undefined), not as locked.
const missingUnlocked = (await ws.secrets.get('storebridge-no-such-entry')) === undefined;
execFileSync('dbus-send', [...secretService, 'org.freedesktop.Secret.Service.Lock', login]);

const add = await ws.call('stores:add', { name: 'New', storeHash: 'new1', accessToken: NEW });
let read: { code?: string; message?: string } = {};
try {
  await ws.stores.token(kept.id);
} catch (err) {
  read = { code: (err as { code?: string }).code, message: (err as Error).message };
}
const storesWhileLocked = ws.stores.list().map((s) => s.name);

ws.close();
const files = readdirSync(dir!).filter((f) => !f.includes('logs'));
const plaintext = files.some((f) => readFileSync(join(dir!, f)).includes(Buffer.from(NEW)));
console.log(JSON.stringify({ add, read, missingUnlocked, storesWhileLocked, plaintext, files }));
