// Runs in: Electron main (plain, Electron-free). Owns: finding the better-sqlite3 addon built for Electron's
// ABI, which lives apart from node_modules so tests and the CLI keep the Node build (docs/native-modules.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_DIR = join('native', 'electron');
export const SQLITE_ADDON = 'better_sqlite3.node';

export interface NativeLookup {
  /** `process.versions.modules` inside Electron: the ABI the addon must have been built for. */
  abi: string;
  platform: string;
  arch: string;
  /** Folders to look under, in order: the app folder in development, `resources/` when packaged. */
  roots: readonly string[];
  exists?: (path: string) => boolean;
}

/** `native/electron/<platform>-<arch>-abi<N>/better_sqlite3.node`: one folder per ABI, so a copy built for
 * another Electron major is never picked up by mistake. */
export function sqliteAddonCandidates(l: Omit<NativeLookup, 'exists'>): string[] {
  const folder = `${l.platform}-${l.arch}-abi${l.abi}`;
  return l.roots.map((root) => join(root, NATIVE_DIR, folder, SQLITE_ADDON));
}

/** The first candidate that exists, or undefined (then better-sqlite3 loads its own build, see the docs). */
export function findSqliteAddon(l: NativeLookup): string | undefined {
  const exists = l.exists ?? existsSync;
  return sqliteAddonCandidates(l).find((p) => exists(p));
}

/** Says what to do when the Node build was loaded into Electron and refused (NODE_MODULE_VERSION mismatch). */
export function nativeLoadAdvice(err: unknown, l: Omit<NativeLookup, 'exists'>): string | undefined {
  const text = err instanceof Error ? err.message : String(err);
  if (
    !/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|not a valid Win32/.test(
      text,
    )
  ) {
    return undefined;
  }
  const [expected] = sqliteAddonCandidates(l);
  return (
    `better-sqlite3 in node_modules is built for Node, not for this Electron (ABI ${l.abi}). ` +
    `Build the Electron copy once with network access (see docs/native-modules.md); it goes to ${expected}.`
  );
}
