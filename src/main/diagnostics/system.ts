// Runs in: main (Electron-free). Owns: the bundle's picture of the machine: app, runtime and OS versions,
// memory, and the keychain backend in use.
import { homedir, arch, cpus, freemem, platform, release, totalmem, type as osType } from 'node:os';
import { APP_VERSION } from '../app/version.js';
import type { SecretStore } from '../secrets/secret-store.js';

export async function systemInfo(dir: string, secrets: SecretStore, now: number): Promise<unknown> {
  const mem = process.memoryUsage();
  return {
    generatedAt: new Date(now).toISOString(),
    app: { name: 'Storebridge', version: APP_VERSION, workspaceDir: homeRelative(dir) },
    // Includes electron and chrome when running inside the Electron shell.
    versions: process.versions,
    os: {
      type: osType(),
      platform: platform(),
      release: release(),
      arch: arch(),
      cpus: cpus().length,
      totalMemoryMb: Math.round(totalmem() / 1048576),
      freeMemoryMb: Math.round(freemem() / 1048576),
    },
    process: {
      uptimeSec: Math.round(process.uptime()),
      rssMb: Math.round(mem.rss / 1048576),
      heapUsedMb: Math.round(mem.heapUsed / 1048576),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    keychain: await secrets.status(),
  };
}

/** The user's name is often in their home path; support does not need it. */
export function homeRelative(path: string): string {
  const home = homedir();
  return home && path.startsWith(home) ? '~' + path.slice(home.length) : path;
}
