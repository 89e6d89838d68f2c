// Runs in: Node (electron-vite build). Owns: how the Electron app is bundled: main (ESM, native addons
// left to node_modules), the sandboxed preload (ONE CommonJS file), and the React renderer.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      // Native addons must stay real files on disk (better-sqlite3 is loaded from an Electron-ABI copy via
      // `nativeBinding`, keytar is N-API); other dependencies stay external too, as electron-vite defaults.
      externalizeDeps: { include: ['better-sqlite3', 'keytar'] },
      // The engine worker is a second entry: a worker_threads Worker needs a file of its own to start from
      // (src/main/index.ts passes out/main/engine-worker.js to it). Code both use lands in shared chunks.
      lib: {
        entry: {
          index: resolve(root, 'src/main/index.ts'),
          'engine-worker': resolve(root, 'src/main/engine/worker/engine-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is evaluated as a classic script with a `require` that knows only `electron` and
      // a few polyfills: with "type": "module" electron-vite would emit .mjs (which it cannot load), and any
      // split chunk would be a second file it cannot require. So: cjs, one file, everything inlined.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'src/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
