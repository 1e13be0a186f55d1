import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  // No source maps: they would publish the source of the web app and the checker's rules. The manifest lists each
  // page's chunks for `npm run size`, which is where sizes are watched: the checker's chunk (rules and lexicons,
  // about 600 KB before gzip) loads only where text is checked, so Vite's 500 KB warning is raised above it.
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
