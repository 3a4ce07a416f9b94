import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchLine } from './measure';

/** The renderer's JavaScript and CSS as the window downloads them, gzipped, from a fresh build. */
export async function bundleSize(): Promise<BenchLine> {
  const outDir = await mkdtemp(join(tmpdir(), 'tokendesk-bench-build-'));
  try {
    execFileSync('npx', ['electron-vite', 'build'], {
      env: { ...process.env, TOKENDESK_BUILD_DIR: outDir },
      stdio: 'ignore',
    });
    const assets = join(outDir, 'renderer', 'assets');
    let raw = 0;
    let gzipped = 0;
    for (const name of await readdir(assets)) {
      if (!/\.(js|css)$/.test(name)) continue;
      const bytes = await readFile(join(assets, name));
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
    return {
      name: 'renderer bundle, gzipped (kB)',
      figures: `${(raw / 1024).toFixed(0)} kB raw, ${(gzipped / 1024).toFixed(0)} kB gzipped`,
      ratio: gzipped / 1024,
      target: { atMost: 250 },
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
