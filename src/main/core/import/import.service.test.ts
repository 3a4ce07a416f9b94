import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretKeys } from '../secrets/secret-store';
import { addGuidedAccount, createTestCore, type TestCore } from '../test-support/test-core';

describe('ImportService', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('finds tokens in the environment, a .env file and credential profiles without revealing them', async () => {
    const secret = 'podstack_abcd1234_' + 'q'.repeat(32);
    t = await createTestCore({
      guided: true,
      env: { PODSTACK_API_TOKEN: secret, PODSTACK_PROJECT: 'web', HOME: '/x' },
    });
    await writeFile(
      join(t.dataDir, '.env'),
      '# comment\nexport GITLAB_TOKEN="glpat-abcdefghijklmnopqrst"\nOTHER=1\n',
    );
    await writeFile(
      join(t.dataDir, 'credentials'),
      '[default]\napi_token = podstack_zzzz9999_secret\n[empty]\nregion = eu\n',
    );

    const result = await t.core.importer.scan([
      { kind: 'environment' },
      { kind: 'dotenv', path: '~/.env' },
      { kind: 'podstack-credentials', path: join(t.dataDir, 'credentials') },
      { kind: 'dotenv', path: '/does/not/exist/.env' },
    ]);

    expect(result.candidates.map((c) => [c.source.split(/[:[]/)[0]?.trim(), c.provider])).toEqual([
      ['environment', 'podstack'],
      [join(t.dataDir, '.env'), 'gitlab'],
      [join(t.dataDir, 'credentials'), 'podstack'],
    ]);
    expect(result.candidates[0]?.project).toBe('web');
    expect(result.problems).toEqual([
      {
        source: '/does/not/exist/.env',
        message: expect.stringMatching(/does not exist/) as string,
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain('glpat-abcdefghijklmnopqrst');
  });

  it('tracks what the user picks, verified, and refuses another service’s token', async () => {
    t = await createTestCore({ guided: true });
    const { secret } = t.provider.seed('from-env');
    const accountId = await addGuidedAccount(t);
    await writeFile(
      join(t.dataDir, '.env'),
      `TERASWITCH_API_TOKEN=${secret}\nGITLAB_TOKEN=glpat-x\n`,
    );
    const { candidates } = await t.core.importer.scan([
      { kind: 'dotenv', path: join(t.dataDir, '.env') },
    ]);
    const [ours, gitlab] = candidates;

    const result = await t.core.importer.apply(accountId, [
      { candidateId: ours?.id ?? '', name: 'imported', role: 'Owner' },
      { candidateId: gitlab?.id ?? '', name: 'wrong' },
      { candidateId: 'imp-unknown', name: 'gone' },
    ]);

    expect(result.imported.map((token) => token.name)).toEqual(['imported']);
    expect(result.failed.map((f) => f.code)).toEqual(['VALIDATION', 'NOT_FOUND']);
    const id = result.imported[0]?.id ?? '';
    expect(await t.secrets.get(secretKeys.token(accountId, id))).toBe(secret);
  });
});
