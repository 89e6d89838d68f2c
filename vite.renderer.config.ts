// Builds the renderer alone (for the browser host and e2e); electron-vite builds the same root for Electron.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../out/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
});
