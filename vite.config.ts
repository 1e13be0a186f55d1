import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  // No source maps: they would publish the source of the web app and the checker's rules. The manifest lists each
  // page's chunks for `npm run size`.
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false, manifest: true },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
