// Runs in: the main thread of a host (Electron main, browser host). Owns: opening a workspace whose syncs run
// in the engine worker, so extraction and delivery never hold up the thread that answers the console.
import { DesktopSettingsStore } from '../desktop/settings.js';
import { startEngineWorker } from '../engine/worker/start.js';
import { WorkerEngine } from '../engine/worker/worker-engine.js';
import { openWorkspace, type Workspace, type WorkspaceOptions } from './workspace.js';

export interface HostWorkspaceOptions extends Omit<WorkspaceOptions, 'engine' | 'clock'> {
  /**
   * The worker's entry file. By default the one beside the worker's client (TypeScript under tsx, JavaScript
   * when built); the Electron build passes its bundled `engine-worker.js`.
   */
  workerEntry?: string;
  /**
   * Whether the worker's outbound calls follow the workspace's network setting (proxy, extra CAs), as the
   * hosts' main threads do (shell/desktop.ts, host/serve.ts). Default: yes.
   */
  followNetwork?: boolean;
  /** Loopback through the proxy too (tests: the simulators live on loopback). */
  proxyLoopback?: boolean;
}

/**
 * The same workspace `openWorkspace` composes, with `engine` (and so `sync:start`, `sync:cancel`, the
 * scheduler and `connections:status`) backed by the worker. The worker opens its own connections to the
 * workspace's SQLite files and asks this thread for every secret it needs: the keychain keeps one owner.
 * The worker starts in the background (the window need not wait for it); a sync asked for meanwhile waits,
 * and one that cannot start fails with the reason, which is also logged.
 */
export function openHostWorkspace(opts: HostWorkspaceOptions): Workspace {
  const { workerEntry, followNetwork = true, proxyLoopback, ...rest } = opts;
  let remote: WorkerEngine | undefined;
  const ws: Workspace = openWorkspace({
    ...rest,
    engine: ({ secrets, bus }) =>
      (remote = new WorkerEngine(
        () =>
          startEngineWorker({
            dir: rest.dir,
            host: rest.host,
            secretStore: secrets,
            ...(rest.nativeBinding ? { nativeBinding: rest.nativeBinding } : {}),
            ...(rest.maskPii !== undefined ? { maskPii: rest.maskPii } : {}),
            ...(workerEntry ? { entry: workerEntry } : {}),
            ...(proxyLoopback ? { proxyLoopback } : {}),
            // Read from its file at every start, so a worker started again gets the current setting.
            ...(followNetwork ? { network: new DesktopSettingsStore(rest.dir).get().network } : {}),
          }),
        bus,
        (message) => ws.logger.log('error', 'engine worker failed', { error: message }),
      )),
  });
  if (followNetwork) ws.desktopSettings.onChange((s) => remote?.network(s.network));
  return ws;
}
