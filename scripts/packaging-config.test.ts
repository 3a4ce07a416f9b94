import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import config from '../electron-builder.config';
import { TRAY_ICON_DATA_URL } from '../src/main/platform/tray-icon';

const root = join(__dirname, '..');
const fileRules = (config.files ?? []) as string[];

/**
 * Whether electron-builder would put a file of the app directory into the package: matched by
 * an include, not by any later exclusion (its `files` rules read in order, `!` excludes).
 */
function ships(path: string): boolean {
  let included = false;
  for (const rule of fileRules) {
    if (rule.startsWith('!')) {
      if (minimatch(path, rule.slice(1), { dot: true })) included = false;
    } else if (minimatch(path, rule, { dot: true })) {
      included = true;
    }
  }
  return included;
}

describe('the packaging configuration', () => {
  it('names the app', () => {
    expect(config.appId).toBe('dev.tokendesk.app');
    expect(config.productName).toBe('TokenDesk');
  });

  it('sets every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('packs the app into an asar and unpacks only keytar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**']);
    expect(
      minimatch('node_modules/keytar/build/Release/keytar.node', '**/node_modules/keytar/**'),
    ).toBe(true);
  });

  it('builds AppImage and deb, dmg and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it.each([
    'package.json',
    'out/main/index.js',
    'out/main/serve.js',
    'out/main/chunks/keytar-secret-store-abc.js',
    'out/preload/index.js',
    'out/renderer/index.html',
    'out/renderer/assets/index-abc.js',
    'out/renderer/favicon.svg',
  ])('ships %s', (path) => {
    expect(ships(path)).toBe(true);
  });

  it.each([
    'out/main/index.js.map',
    'out/renderer/assets/index-abc.js.map',
    'out/main/index.test.js',
    'out/main/flow.spec.mjs',
    'src/main/index.ts',
    'src/demo/demo.ts',
    'sim/demo/demo-services.ts',
    'sim/kestra/kestra-sim.ts',
    'test/integration/web-server.test.ts',
    'e2e/kestra.spec.ts',
    'bench/run.ts',
    'scripts/start.mjs',
    'docs/ARCHITECTURE.md',
    'electron-builder.config.ts',
    '.env',
    'node_modules/some-lib/index.js.map',
  ])('does not ship %s', (path) => {
    expect(ships(path)).toBe(false);
  });
});

describe('the icon set: one mark everywhere', () => {
  const read = (path: string) => readFile(join(root, path));

  it('gives Linux every size it looks for, rendered from the one SVG', async () => {
    const sizes = (await readdir(join(root, 'build/icons'))).sort();
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(sizes).toContain(`${size}x${size}.png`);
    }
    expect(config.linux?.icon).toBe('build/icons');
    expect(await read('build/icon.png')).toEqual(await read('build/icons/1024x1024.png'));
    expect(config.mac?.icon).toBe('build/icon.png');
    expect(config.win?.icon).toBe('build/icon.png');
  });

  it('uses the same mark for the window, the tray and the browser target’s favicon', async () => {
    expect(await read('src/renderer/public/favicon.svg')).toEqual(await read('build/icon.svg'));
    expect(await read('src/renderer/public/icon.png')).toEqual(
      await read('build/icons/256x256.png'),
    );
    expect(TRAY_ICON_DATA_URL).toBe(
      `data:image/png;base64,${(await read('build/icons/16x16.png')).toString('base64')}`,
    );
    const page = (await read('src/renderer/index.html')).toString('utf8');
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
  });
});
