// Runs in: Node (Playwright, Electron e2e). Owns: finding the Electron executable WITHOUT require('electron'),
// whose index.js starts a download when the binary is missing (and that hangs or fails offline).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(repo: string): { path?: string; why?: string } {
  const pkg = join(repo, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile) && !override) {
    return { why: `${pathFile} does not exist: the electron package was installed without its binary` };
  }
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const path = override ? join(override, name) : join(pkg, 'dist', name);
  return existsSync(path) ? { path } : { why: `the Electron binary ${path} does not exist` };
}
