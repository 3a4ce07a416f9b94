import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
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
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
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
