// Runs in: main (Electron-free). Owns: where a workspace lives when the user does not say.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `--workspace DIR` wins, then STOREBRIDGE_WORKSPACE, then the OS's per-user data folder. */
export function defaultWorkspaceDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.STOREBRIDGE_WORKSPACE) return env.STOREBRIDGE_WORKSPACE;
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Storebridge', 'workspace');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Storebridge', 'workspace');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'storebridge', 'workspace');
}
