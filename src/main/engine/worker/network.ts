// Runs in: the engine worker. Owns: the worker's outbound route. A thread has its own fetch dispatcher, so the
// proxy and extra CAs the Electron main thread installs (shell/desktop.ts) must be installed here as well, and
// again whenever the main thread says the setting changed.
import type { DesktopSettings } from '../../../shared/contract/app.js';
import { toNetworkSettings } from '../../desktop/network/follow.js';
import { installNetwork, type InstalledNetwork } from '../../desktop/network/global.js';
import { resolveNetwork, type NetworkSettings } from '../../desktop/network/settings.js';

export function networkFollower(
  onError: (message: string) => void,
  /** Fixed parts the user does not set (tests proxy loopback). */
  extra: Partial<NetworkSettings> = {},
): {
  apply(n: DesktopSettings['network']): void;
  stop(): Promise<void>;
} {
  let current: InstalledNetwork | undefined;
  let applied = '';
  return {
    apply(n) {
      const key = JSON.stringify(n);
      if (key === applied) return;
      applied = key;
      try {
        const wanted = { ...toNetworkSettings(n), ...extra };
        resolveNetwork(wanted, process.env); // a bad proxy URL or CA file keeps the route that works
        void current?.uninstall();
        current = installNetwork(wanted, process.env);
      } catch (err) {
        onError(`Network setting not applied: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    stop: async () => {
      await current?.uninstall();
    },
  };
}
