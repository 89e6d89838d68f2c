// Runs in: Node (vitest). Owns: electron-builder.yml is valid for electron-builder's own JSON schema and keeps
// the security-relevant values (fuses, asarUnpack, protocols, no in-place native rebuild, updater feed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_SCHEME } from '../../src/main/desktop/deep-link.js';
import { NATIVE_DIR } from '../../src/main/shell/native-binding.js';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('app-builder-lib/scheme.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<
  string,
  unknown
> & {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  protocols: Array<{ schemes: string[] }>;
  publish: Array<{ provider: string; url: string }>;
  extraResources: Array<{ from: string; to: string }>;
  files: string[];
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
};

function validator() {
  // The schema marks electron-builder's own keywords (e.g. `markdownDescription`) that ajv does not know.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own schema", () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: an unknown key or a wrong type is refused', () => {
    const validate = validator();
    expect(validate({ ...config, electronFuse: { runAsNode: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).toBe(false);
  });

  it("passes electron-builder's own loader and validator (the file it finds in the project root)", async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(projectDir: string, configPath: null, override: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const projectDir = new URL('../..', import.meta.url).pathname;
    const loaded = await getConfig(projectDir, null, null);
    expect(loaded.appId).toBe('com.storebridge.console');
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...loaded, asarUnpak: [] }, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'asarUnpak'/,
    );
  });

  it('flips the fuses the security design asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('unpacks native addons, ships the Electron-ABI SQLite copy, and never rebuilds node_modules in place', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**', 'node_modules/keytar/**']),
    );
    // Where src/main/shell/native-binding.ts looks under process.resourcesPath.
    expect(config.extraResources).toContainEqual(
      expect.objectContaining({ from: NATIVE_DIR, to: NATIVE_DIR }),
    );
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('out/**/*');
  });

  it('registers the storebridge:// scheme and targets Linux, macOS and Windows', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual([DEEP_LINK_SCHEME]);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('publishes updates to a generic https feed (the URL is a documented placeholder)', () => {
    const [feed] = config.publish;
    expect(feed?.provider).toBe('generic');
    expect(feed?.url).toMatch(/^https:\/\//);
    expect(feed?.url).toContain('.invalid');
  });
});
