import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
// A second checkout's build (e.g. one per parallel e2e run) can go elsewhere; the e2e launcher
// reads the same variable.
const outDir = resolve(root, process.env['TOKENDESK_BUILD_DIR'] ?? 'out');

// `electron-vite dev` serves; `electron-vite build` (npm start, the installers, e2e) is the
// production build: no devtools, no dev server, the renderer from app://tokendesk.
export default defineConfig(({ command }) => ({
  main: {
    plugins: [externalizeDepsPlugin()],
    define: { __TOKENDESK_DEVELOPMENT__: JSON.stringify(command === 'serve') },
    build: {
      outDir: resolve(outDir, 'main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          serve: resolve(root, 'src/main/serve.ts'),
          // The command line (package.json "bin"): plain Node, no Electron.
          tokendesk: resolve(root, 'src/cli/tokendesk.ts'),
        },
        output: {
          banner: (chunk) => (chunk.name === 'tokendesk' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require node_modules, so everything it uses is bundled in.
    build: {
      outDir: resolve(outDir, 'preload'),
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(outDir, 'renderer'),
      // electron-vite leaves bundles unminified; the page loads (and parses) ours on every start.
      minify: 'esbuild',
      rollupOptions: {
        input: {
          index: resolve(root, 'src/renderer/index.html'),
          // The browser target's stand-in for the Electron preload; serve.ts loads it first.
          'web-preload': resolve(root, 'src/preload/web.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'web-preload' ? 'web-preload.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
}));
