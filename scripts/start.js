// `npm start`: the desktop app where Electron can run; otherwise it says why and serves the same console to a
// browser through the browser host (same services, same contract).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

/** Finds Electron's binary without require('electron'), which would try to download it on first use. */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { why: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile))
    return { why: 'the Electron binary was never downloaded (no network access to fetch it)' };
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { why: `the Electron binary is missing at ${binary}` };
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const electron = electronBinary();
if (electron.path && !process.env.STOREBRIDGE_BROWSER) {
  run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build']);
  const child = spawn(electron.path, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Storebridge: the desktop app cannot start here (${electron.why ?? 'STOREBRIDGE_BROWSER is set'}).`,
  );
  console.log('Serving the same console to your browser instead.\n');
  run(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'vite.renderer.config.ts',
    '--logLevel',
    'warn',
  ]);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/host/serve.ts', '--demo', ...passThrough],
    {
      stdio: 'inherit',
    },
  );
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
