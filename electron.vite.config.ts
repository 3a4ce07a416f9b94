import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// A second checkout's build (e.g. one per parallel e2e run) can go elsewhere; the e2e launcher
// reads the same variable.
const outDir = resolve(__dirname, process.env['TOKENDESK_BUILD_DIR'] ?? 'out');

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: resolve(outDir, 'main'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          demo: resolve(__dirname, 'src/main/demo.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require node_modules, so everything it uses is bundled in.
    build: {
      outDir: resolve(outDir, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(outDir, 'renderer'),
      // electron-vite leaves bundles unminified; the page loads (and parses) ours on every start.
      minify: 'esbuild',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // The browser target's stand-in for the Electron preload; serve.ts loads it first.
          'web-preload': resolve(__dirname, 'src/preload/web.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'web-preload' ? 'web-preload.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
