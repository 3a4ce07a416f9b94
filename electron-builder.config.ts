import type { Configuration } from 'electron-builder';

/**
 * The installers: AppImage and deb (Linux), dmg (macOS), nsis (Windows), all from the production
 * build in out/ (`electron-vite build`). `npm run dist` builds them (scripts/dist.mjs);
 * electron-builder.config.test.ts holds this file to its promises.
 */
const config: Configuration = {
  appId: 'dev.tokendesk.app',
  productName: 'TokenDesk',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app and its manifest; the production dependencies come along on their own.
  // Sources, tests, simulators and source maps never ship.
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.map',
    '!**/*.{test,spec}.{js,cjs,mjs,ts}',
    '!{src,sim,test,e2e,bench,scripts,docs,build}/**',
  ],
  asar: true,
  // keytar is a native module: the OS loads it from a real file, not from inside the archive.
  asarUnpack: ['**/node_modules/keytar/**'],
  // Rebuilt against Electron's own Node headers, not the Node that ran npm ci.
  npmRebuild: true,
  electronFuses: {
    // No `ELECTRON_RUN_AS_NODE=1 TokenDesk evil.js`: the signed binary runs only our app.
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    // The renderer comes from app://tokendesk, so file:// needs no privileges beyond a browser's.
    grantFileProtocolExtraPrivileges: false,
    enableCookieEncryption: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons',
    category: 'Utility',
    maintainer: 'TokenDesk contributors',
    synopsis: "A desktop credential manager for developers' API tokens",
  },
  deb: {
    // keytar talks to the Secret Service through libsecret.
    depends: ['libsecret-1-0'],
  },
  mac: {
    target: ['dmg'],
    icon: 'build/icon.png',
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

export default config;
