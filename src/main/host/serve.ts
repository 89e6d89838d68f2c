// Runs in: Node (`npm run serve`). Owns: starting the real main-process services for a workspace and the
// browser host in front of them, printing the one-time URL, and shutting down cleanly on SIGINT/SIGTERM.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultWorkspaceDir } from '../app/paths.js';
import { openHostWorkspace } from '../app/host-workspace.js';
import { followNetworkSettings } from '../desktop/network/follow.js';
import { attachDemo, startDemoWorld } from './demo.js';
import { startBrowserHost } from './server.js';

const { values } = parseArgs({
  options: {
    workspace: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string' },
    // The demo workspace: simulators on 127.0.0.1 and a simulated store when no real store is configured.
    demo: { type: 'boolean' },
  },
});

const staticRoot = values.renderer ?? fileURLToPath(new URL('../../../out/renderer', import.meta.url));
if (!existsSync(staticRoot)) {
  console.error(`The console is not built (${staticRoot} is missing). Run: npm run build:renderer`);
  process.exit(1);
}

// Syncs run in the engine worker, so the console stays responsive during a long historical sync.
const workspace = openHostWorkspace({
  dir: values.workspace ?? defaultWorkspaceDir(),
  host: 'browser',
});
// Every outbound call of this process takes the route the user chose (desktop settings, or the environment).
const stopNetwork = followNetworkSettings(workspace.desktopSettings, (m) => console.warn(m));
const demo = values.demo ? await startDemoWorld() : undefined;
if (demo) console.log(await attachDemo(workspace, demo));
workspace.scheduler.start();
const host = await startBrowserHost({ workspace, staticRoot, port: Number(values.port) });
const keychain = await workspace.secrets.status();

console.log(`Storebridge console for workspace ${workspace.dir}`);
if (!keychain.available) console.log(`Warning: ${keychain.message}`);
console.log(
  'Open this address in a browser on this machine; it carries a private token, so do not share it:',
);
console.log(`STOREBRIDGE_URL=${host.url}`);

const stop = async () => {
  await host.close();
  await stopNetwork();
  demo?.close();
  await workspace.shutdown();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
