import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT, DEMO_USER, demoKestraSeed } from '../../../sim/kestra/kestra-seeds';
import { newKestraSecret } from '../../../sim/kestra/kestra-state';
import { startKestraSim, type KestraSim } from '../../../sim/kestra/kestra.sim';
import { CliRunner } from './support/cli-runner';
import { removeDataDir, seedDataDir, type CliWorld } from './support/cli-world';

// Every step spawns the built CLI (a Node start, keytar, the keychain): slow on a busy machine.
describe('tokendesk publish', { timeout: 120_000 }, () => {
  let sim: KestraSim;
  let world: CliWorld;
  let cli: CliRunner;
  let projectDir: string;
  let envFile: string;

  beforeEach(async () => {
    projectDir = await mkdtemp(join(tmpdir(), 'tokendesk-project-'));
    envFile = join(projectDir, '.env');
    const credential = newKestraSecret();
    sim = await startKestraSim(demoKestraSeed(credential));
    world = await seedDataDir(
      [
        {
          provider: 'kestra',
          label: 'Kestra',
          baseUrl: sim.url,
          settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
          credential,
        },
      ],
      async (core) => {
        const [account] = await core.accounts.list();
        if (account === undefined) throw new Error('seeding failed');
        const { token } = await core.tokens.create({
          accountId: account.id,
          name: 'deploy-key',
          expiry: { kind: 'days', days: 30 },
        });
        await writeFile(envFile, 'OTHER=kept\n');
        await core.publishing.add(account.id, token.id, {
          kind: 'dotenv',
          path: envFile,
          key: 'API_TOKEN',
        });
      },
    );
    cli = new CliRunner(world.dataDir);
  });

  afterEach(async () => {
    const secrets = sim.tokens().map((token) => token.secret);
    const printed = cli.leaks(secrets);
    await removeDataDir(world);
    await sim.close();
    await rm(projectDir, { recursive: true, force: true });
    expect(printed).toEqual([]);
  });

  it("writes the current secret to the token's targets again, undoing a hand edit", async () => {
    const secret = sim.secretOf('deploy-key');
    await writeFile(envFile, 'OTHER=kept\nAPI_TOKEN=edited-by-hand\n');

    const published = await cli.run(['publish', 'Kestra/deploy-key']);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(/API_TOKEN.*: published\n$/);
    expect(await readFile(envFile, 'utf8')).toBe(`OTHER=kept\nAPI_TOKEN=${secret}\n`);

    const json = await cli.run(['publish', 'Kestra/deploy-key', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('says so when the token has no targets', async () => {
    const none = await cli.run(['publish', 'Kestra/ci-deploy']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^NOT_FOUND: No publish targets are bound to Kestra\/ci-deploy/);
  });
});
