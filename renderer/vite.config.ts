import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer bundle. Served from app:// (Electron) or a fake origin (Chromium shell),
 * so every asset is relative and local: no CDN, no runtime downloads.
 */

// The page and its scripts share one origin; a crossorigin attribute only invites CORS checks
// on custom protocols, so drop it.
const dropCrossorigin = (): Plugin => ({
  name: 'verhuis-drop-crossorigin',
  transformIndexHtml: (html) => html.replace(/\s+crossorigin(=("[^"]*"|'[^']*'))?/g, ''),
});

export default defineConfig({
  // The config's own folder (renderer/), whatever the working directory of the build.
  root: import.meta.dirname,
  base: './',
  plugins: [react(), dropCrossorigin()],
  // Plotly's browserify-era code expects `global`.
  define: { global: 'globalThis' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Chromium supports modulepreload natively; the polyfill would only add fetch() calls.
    modulePreload: { polyfill: false },
    // The grid and the charts are big by nature; the app loads from disk, not a network.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // zod ships a /*@__PURE__*/ comment Rollup cannot place; harmless, and not ours to fix.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod')) return;
        warn(warning);
      },
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/ag-grid')) return 'ag-grid';
          if (id.includes('node_modules/plotly.js') || id.includes('node_modules/react-plotly.js')) return 'plotly';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
});
