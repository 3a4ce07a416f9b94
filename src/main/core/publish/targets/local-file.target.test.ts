import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AtomicFile from '../../storage/atomic-file';
import { makeReadOnly } from '../test-support/read-only-folder';
import { publishToDotenv } from './dotenv.target';
import { publishToPodstackProfile } from './podstack-profile.target';
import { appErrorOf } from '../../providers/test-support/app-error-of';

const atomic = vi.hoisted(() => ({
  crashAfterBytes: null as number | null,
  paths: [] as string[],
}));

// The real atomic writer, watched: which paths it writes, and a crash half-way on request.
vi.mock('../../storage/atomic-file', async (importOriginal) => {
  const real = await importOriginal<typeof AtomicFile>();
  const { writeFile: write } = await import('node:fs/promises');
  const { AppError: Failure } = await import('../../../../shared/errors');
  return {
    ...real,
    writeFileAtomic: async (path: string, content: string) => {
      atomic.paths.push(path);
      if (atomic.crashAfterBytes !== null) {
        await write(path, content.slice(0, atomic.crashAfterBytes));
        throw new Failure('STORAGE_FAILED', 'the disk is full');
      }
      return real.writeFileAtomic(path, content);
    },
  };
});

const SECRET = 'kst_9fQzR2wXyL7mN3vB8cD1eH4jK6tP0sAa';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokendesk-publish-'));
  atomic.crashAfterBytes = null;
  atomic.paths = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('publishToDotenv', () => {
  const original = '# app\r\nexport API_TOKEN=old # note\r\nOTHER="x y"';

  it('rewrites the file with mode 0600, other lines byte for byte, and leaves nothing beside it', async () => {
    const path = join(dir, '.env');
    await writeFile(path, original, { mode: 0o644 });
    await publishToDotenv(path, 'API_TOKEN', SECRET);
    expect(await readFile(path, 'utf8')).toBe(
      `# app\r\nexport API_TOKEN=${SECRET} # note\r\nOTHER="x y"`,
    );
    expect(await modeOf(path)).toBe(0o600);
    // No `.env.bak` holding the previous secret, no staging file left behind.
    expect(await readdir(dir)).toEqual(['.env']);
  });

  it('writes through the atomic writer to a fresh name in the same folder, then renames', async () => {
    const path = join(dir, '.env');
    await writeFile(path, original);
    await publishToDotenv(path, 'API_TOKEN', SECRET);
    expect(atomic.paths).toHaveLength(1);
    expect(dirname(atomic.paths[0] ?? '')).toBe(dir);
    expect(atomic.paths[0]).not.toBe(path);
  });

  it('leaves the old file whole when the write fails half-way', async () => {
    const path = join(dir, '.env');
    await writeFile(path, original);
    atomic.crashAfterBytes = 10;
    const error = await appErrorOf(publishToDotenv(path, 'API_TOKEN', SECRET));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toContain(path);
    expect(await readFile(path, 'utf8')).toBe(original);
    expect(await readdir(dir)).toEqual(['.env']);
  });

  it('creates a missing file, but not a missing folder', async () => {
    const path = join(dir, 'app', '.env');
    const error = await appErrorOf(publishToDotenv(path, 'API_TOKEN', SECRET));
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toContain(join(dir, 'app'));
    await mkdir(join(dir, 'app'));
    await publishToDotenv(path, 'API_TOKEN', SECRET);
    expect(await readFile(path, 'utf8')).toBe(`API_TOKEN=${SECRET}\n`);
  });

  it('replaces the file a symlink points to and keeps the link', async () => {
    const real = join(dir, 'real.env');
    await writeFile(real, 'API_TOKEN=old\n');
    await symlink(real, join(dir, '.env'));
    await publishToDotenv(join(dir, '.env'), 'API_TOKEN', SECRET);
    expect(await readlink(join(dir, '.env'))).toBe(real);
    expect(await readFile(real, 'utf8')).toBe(`API_TOKEN=${SECRET}\n`);
  });

  it('refuses a file that is not UTF-8 and leaves it as it was', async () => {
    const path = join(dir, '.env');
    const bytes = Buffer.from([0x41, 0x3d, 0xff, 0xfe, 0x0a]);
    await writeFile(path, bytes);
    expect((await appErrorOf(publishToDotenv(path, 'API_TOKEN', SECRET))).code).toBe('VALIDATION');
    expect(await readFile(path)).toEqual(bytes);
  });

  it('leaves alone what is not a regular file, or too large to be a credentials file', async () => {
    const folder = join(dir, 'folder.env');
    await mkdir(folder);
    expect((await appErrorOf(publishToDotenv(folder, 'API_TOKEN', SECRET))).message).toContain(
      'not a regular file',
    );
    const big = join(dir, 'big.env');
    await writeFile(big, 'A=1\n'.repeat(300_000));
    expect((await appErrorOf(publishToDotenv(big, 'API_TOKEN', SECRET))).code).toBe('VALIDATION');
    expect((await stat(big)).size).toBe(1_200_000);
  });

  it('reports a read-only folder clearly, without the secret, and keeps the old file', async () => {
    const folder = join(dir, 'locked');
    await mkdir(folder);
    const path = join(folder, '.env');
    await writeFile(path, original);
    const undo = await makeReadOnly(folder);
    try {
      const error = await appErrorOf(publishToDotenv(path, 'API_TOKEN', SECRET));
      expect(error.code).toBe('STORAGE_FAILED');
      expect(error.message).toMatch(/Could not write .*locked.*(permission|not permitted)/);
      expect(error.message).toContain('left as it was');
      expect(error.message).not.toContain(SECRET);
    } finally {
      await undo();
    }
    expect(await readFile(path, 'utf8')).toBe(original);
    expect(await readdir(folder)).toEqual(['.env']);
  });
});

describe('publishToPodstackProfile', () => {
  it('creates the private folder, the file and the profile when missing', async () => {
    const path = join(dir, '.podstack', 'credentials');
    await publishToPodstackProfile(path, 'prod', SECRET);
    expect(await readFile(path, 'utf8')).toBe(`[prod]\napi_token = ${SECRET}\n`);
    expect(await modeOf(path)).toBe(0o600);
    expect(await modeOf(join(dir, '.podstack'))).toBe(0o700);
  });

  it('sets the profile’s token, keeping the other profiles byte for byte', async () => {
    const path = join(dir, 'credentials');
    const before =
      '[default]\r\napi_token = podstack_default\r\n\r\n[prod]\r\napi_token = old\r\nproject = p';
    await writeFile(path, before, { mode: 0o644 });
    await chmod(path, 0o644);
    await publishToPodstackProfile(path, 'prod', SECRET);
    expect(await readFile(path, 'utf8')).toBe(
      before.replace('api_token = old', `api_token = ${SECRET}`),
    );
    expect(await modeOf(path)).toBe(0o600);
  });
});
