// Runs in: Node (CLI). Owns: `storebridge sandbox`: runs the simulators in their own process (src/sandbox is
// walled off from main: it is started, never imported) and passes its one JSON line through.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Output } from '../output.js';

export const sandboxHelp = `storebridge sandbox [--seed N] [--customers N] [--orders N] [--products N] [--quota N] [--window-ms N]
                    [--bigcommerce-only] [--json]
                                                start the simulated BigCommerce store and every platform on 127.0.0.1,
                                                print one JSON line with their URLs and credentials, run until Ctrl+C`;

export const SANDBOX_ENTRY = fileURLToPath(new URL('../../../sandbox/cli.ts', import.meta.url));

export function sandboxCommand(o: Output, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SANDBOX_ENTRY, ...args, ...(o.json ? ['--json'] : [])],
      {
        stdio: 'inherit',
      },
    );
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 0);
    });
  });
}
