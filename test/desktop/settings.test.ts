// Runs in: Node (vitest). Owns: the desktop settings file and its channels through a real workspace:
// defaults, validation that names the field, survival of a damaged file, and change listeners.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DESKTOP_SETTINGS_FILE,
  DesktopSettingsStore,
  defaultDesktopSettings,
} from '../../src/main/desktop/settings.js';
import { openWorkspace, type Workspace } from '../../src/main/app/workspace.js';
import { uniqueService } from '../support/temp.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sb-desk-settings-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('desktop settings', () => {
  it('starts from the defaults, saves a patch, and reads it back in a new store', () => {
    const s = new DesktopSettingsStore(dir);
    expect(s.get()).toEqual(defaultDesktopSettings);
    const seen: boolean[] = [];
    s.onChange((v) => seen.push(v.startAtLogin));
    s.save({ startAtLogin: true, mutedStores: ['a', 'a', 'b'] });
    expect(seen).toEqual([true]);
    expect(new DesktopSettingsStore(dir).get()).toEqual({
      ...defaultDesktopSettings,
      startAtLogin: true,
      mutedStores: ['a', 'b'],
    });
  });

  it('keeps the valid fields of a damaged file and the defaults for the rest', () => {
    writeFileSync(join(dir, DESKTOP_SETTINGS_FILE), '{"backgroundMode": false, "startAtLogin": "yes"}');
    expect(new DesktopSettingsStore(dir).get()).toEqual({ ...defaultDesktopSettings, backgroundMode: false });
    writeFileSync(join(dir, DESKTOP_SETTINGS_FILE), '{not json');
    expect(new DesktopSettingsStore(dir).get()).toEqual(defaultDesktopSettings);
  });
});

describe('desktop settings channels', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = openWorkspace({ dir, host: 'test', keychainService: uniqueService('desk-settings') });
  });
  afterEach(() => ws.close());

  it('reads, saves and refuses unknown or wrongly typed fields with the field named', async () => {
    expect(await ws.call('desktop:settings')).toEqual({ ok: true, value: defaultDesktopSettings });
    const saved = await ws.call('desktop:saveSettings', { backgroundMode: false });
    expect(saved).toMatchObject({ ok: true, value: { backgroundMode: false } });
    const bad = await ws.callUnchecked('desktop:saveSettings', { startAtLogin: 'yes' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(bad)).toContain('startAtLogin');
    const unknown = await ws.callUnchecked('desktop:saveSettings', { theme: 'dark' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ws.desktopSettings.get().backgroundMode).toBe(false);
  });
});

describe('network setting', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = openWorkspace({ dir, host: 'test', keychainService: uniqueService('desk-network') });
  });
  afterEach(() => ws.close());

  it('app:info says which route calls take; a manual proxy needs its URL', async () => {
    const info = await ws.call('app:info');
    expect(info.ok && info.value.network?.trust).toMatch(/^Trusting /);
    const missing = await ws.call('desktop:saveSettings', { network: { proxy: 'manual' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(missing)).toContain('A manual proxy needs its URL');
    const saved = await ws.call('desktop:saveSettings', {
      network: { proxy: 'manual', proxyUrl: 'http://corp-proxy.example:3128' },
    });
    expect(saved.ok).toBe(true);
    const after = await ws.call('app:info');
    expect(after.ok && after.value.network?.proxy).toBe(
      'Using proxy http://corp-proxy.example:3128 for api.bigcommerce.com (settings)',
    );
  });
});
