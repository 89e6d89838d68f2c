// Runs in: main (Electron-free). Owns: turning the saved network setting into the process's dispatcher at
// start-up and again whenever the user changes it, and the description the console shows (app:info).
import type { DesktopSettings } from '../../../shared/contract/app.js';
import type { DesktopSettingsStore } from '../settings.js';
import { installNetwork, PROBE_URL, type InstalledNetwork } from './global.js';
import { describeRoute, describeTrust } from './route.js';
import { resolveNetwork, type Env, type NetworkSettings } from './settings.js';

export function toNetworkSettings(n: DesktopSettings['network']): NetworkSettings {
  return {
    proxy:
      n.proxy === 'manual'
        ? { mode: 'manual', url: n.proxyUrl ?? '', ...(n.noProxy ? { noProxy: n.noProxy } : {}) }
        : { mode: n.proxy },
    ...(n.extraCaFile ? { extraCaFile: n.extraCaFile } : {}),
  };
}

/** What app:info says; a setting that cannot be applied says why instead of failing the call. */
export function describeNetwork(n: DesktopSettings['network'], env: Env = process.env) {
  try {
    const resolved = resolveNetwork(toNetworkSettings(n), env);
    return { proxy: describeRoute(PROBE_URL, resolved), trust: describeTrust(resolved) };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { proxy: `The network setting cannot be used: ${why}`, trust: 'Unchanged' };
  }
}

/** Installs now and after every change of the network setting; returns a stop function. */
export function followNetworkSettings(
  settings: DesktopSettingsStore,
  onError: (message: string) => void,
  env: Env = process.env,
  /** Fixed parts the user does not set (tests proxy loopback). */
  extra: Partial<NetworkSettings> = {},
): () => Promise<void> {
  let current: InstalledNetwork | undefined;
  let applied = '';
  const apply = (n: DesktopSettings['network']) => {
    const key = JSON.stringify(n);
    if (key === applied) return;
    applied = key;
    try {
      const wanted = { ...toNetworkSettings(n), ...extra };
      resolveNetwork(wanted, env); // throws on a bad proxy URL or CA file before anything is replaced
      // Closing is graceful: requests in flight on the old dispatcher finish on their own sockets.
      void current?.uninstall();
      current = installNetwork(wanted, env);
    } catch (err) {
      // A bad CA file or proxy URL keeps the route that works rather than cutting every connection.
      onError(`Network setting not applied: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  apply(settings.get().network);
  const off = settings.onChange((s) => apply(s.network));
  return async () => {
    off();
    await current?.uninstall();
  };
}
