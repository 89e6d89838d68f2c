// Runs in: main (Electron-free). Owns: the demo workspace: the simulators run in a child process (src/sandbox
// is started, never imported), and the workspace gets a simulated store a new user can try everything on.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Workspace } from '../app/workspace.js';

export interface DemoWorld {
  description: { bigcommerce: { url: string; stores: Array<{ hash: string; token: string }> } } & Record<
    string,
    unknown
  >;
  close(): void;
}

const SANDBOX_ENTRY = fileURLToPath(new URL('../../sandbox/cli.ts', import.meta.url));

export function startDemoWorld(): Promise<DemoWorld> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SANDBOX_ENTRY, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line)
        resolve({
          description: JSON.parse(line) as DemoWorld['description'],
          close: () => child.kill('SIGTERM'),
        });
    });
    child.once('exit', (code) => reject(new Error(`the simulators exited (${code}) before they were ready`)));
  });
}

/**
 * A workspace with no store gets the simulated one; a workspace whose demo store exists has it pointed at
 * this launch's simulator. Real stores are never touched.
 */
export async function attachDemo(ws: Workspace, world: DemoWorld): Promise<string> {
  const sim = world.description.bigcommerce;
  const simStore = sim.stores[0]!;
  const existing = ws.stores.list().find((s) => s.demo);
  if (existing) {
    ws.stores.relocate(existing.id, sim.url);
    return `Demo store "${existing.name}" is live on its simulator.`;
  }
  if (ws.stores.list().length > 0) return 'This workspace has real stores: no demo store added.';
  const keychain = await ws.secrets.status();
  if (!keychain.available) return `No demo store: ${keychain.message}`;
  await ws.stores.add({
    name: 'Demo store (simulated)',
    storeHash: simStore.hash,
    accessToken: simStore.token,
    apiBaseUrl: sim.url,
    demo: true,
  });
  return 'Added "Demo store (simulated)": try connections, exports and the event log without real credentials.';
}
