// Runs in: main (Electron-free). Owns: the app version, read once from package.json at build time.
import pkg from '../../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
