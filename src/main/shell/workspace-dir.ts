// Runs in: Electron main (plain, Electron-free). Owns: which workspace folder the app opens:
// `--workspace DIR` (or `--workspace=DIR`) on the command line, else a folder under the OS user-data folder.
import { isAbsolute, join, resolve } from 'node:path';

/** The value of `--workspace`, or undefined when absent. Throws when the flag is given without a folder. */
export function workspaceArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--workspace=')) {
      const value = arg.slice('--workspace='.length);
      if (!value) throw new Error('--workspace needs a folder, e.g. --workspace=/path/to/workspace');
      return value;
    }
    if (arg === '--workspace') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) {
        throw new Error('--workspace needs a folder, e.g. --workspace /path/to/workspace');
      }
      return value;
    }
  }
  return undefined;
}

export interface WorkspaceLocation {
  dir: string;
  /** True when the folder came from the command line (tests, a second workspace). */
  explicit: boolean;
}

export function resolveWorkspaceDir(
  argv: readonly string[],
  userData: string,
  cwd = process.cwd(),
): WorkspaceLocation {
  const arg = workspaceArg(argv);
  if (arg !== undefined) return { dir: isAbsolute(arg) ? arg : resolve(cwd, arg), explicit: true };
  return { dir: join(userData, 'workspace'), explicit: false };
}
