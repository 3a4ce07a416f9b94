import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPodstackSim, type PodstackSim } from '../../../sim/podstack/podstack.sim';
import { leaksInDir } from '../../../e2e/support/secret-scan';
import { keychainEntries } from '../../crash/rotation-stack';
import { CliRunner } from './support/cli-runner';
import { removeDataDir, seedDataDir, type CliWorld } from './support/cli-world';

const ACCOUNT = 'acc_ml';
const PROJECT = 'proj-training';
const TOKEN = 'ML team/Training script';
const PASTE_PROMPT = 'Paste the new token (not shown): ';
const REVOKE_PROMPT = 'Press Enter once the old token is revoked in the dashboard';

/** A Podstack (guided) rotation driven through the built CLI's stdin, as a person or a script would. */
// Every step spawns the built CLI (a Node start, keytar, the keychain): slow on a busy machine.
describe('tokendesk rotate on a guided service', { timeout: 120_000 }, () => {
  let sim: PodstackSim;
  let stack: CliWorld;
  let cli: CliRunner;
  let old: { token: string; prefix: string };

  beforeEach(async () => {
    sim = await startPodstackSim({ accounts: [{ id: ACCOUNT, projects: [{ id: PROJECT }] }] });
    old = sim.dashboard.createToken({
      account: ACCOUNT,
      name: 'Training script',
      expiresInDays: 30,
    });
    stack = await seedDataDir([
      {
        provider: 'podstack',
        label: 'ML team',
        baseUrl: sim.apiBase,
        settings: {},
        tracked: [{ name: 'Training script', secret: old.token, project: PROJECT }],
      },
    ]);
    cli = new CliRunner(stack.dataDir);
  });

  afterEach(async () => {
    const secrets = sim.tokens().map((token) => token.secret);
    const printed = cli.leaks(secrets);
    const written = await leaksInDir(stack.dataDir, secrets);
    await removeDataDir(stack);
    await sim.close();
    expect(printed).toEqual([]);
    expect(written).toEqual([]);
  });

  const newToken = () =>
    sim.dashboard.createToken({ account: ACCOUNT, name: 'Training script', expiresInDays: 30 });

  it('takes the pasted secret on stdin and proves the old token dead before it is done', async () => {
    const rotation = cli.start(['rotate', TOKEN, '--yes']);
    await rotation.waitForStderr(PASTE_PROMPT);
    const created = newToken();
    rotation.answer(created.token);

    await rotation.waitForStderr(REVOKE_PROMPT);
    // Enter before the dashboard revoke: the old token still works, so TokenDesk asks again.
    rotation.answer('');
    await rotation.waitForStderr('still works');
    sim.dashboard.revokeToken({ prefix: old.prefix });
    rotation.answer('');

    const result = await rotation.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Rotating ${TOKEN}: done.`);
    expect([...(await keychainEntries(stack.secrets)).values()]).toEqual([created.token]);
    const listed = await cli.run(['list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        token: 'Training script',
        prefix: created.prefix,
        hasSecret: true,
      }),
    ]);
  });

  it('stops with exit 5 when the input ends, and the same command carries on from there', async () => {
    const first = await cli.run(['rotate', TOKEN, '--yes']);
    expect(first.code).toBe(5);
    expect(first.stderr).toContain(PASTE_PROMPT);
    expect(first.stderr).toContain(`Continue it with: tokendesk rotate '${TOKEN}'`);

    const created = newToken();
    const again = cli.start(['rotate', TOKEN, '--yes']);
    await again.waitForStderr(PASTE_PROMPT);
    again.answer(created.token);
    await again.waitForStderr(REVOKE_PROMPT);
    sim.dashboard.revokeToken({ prefix: old.prefix });
    again.answer('');
    const result = await again.done;
    expect(result.code, result.stderr).toBe(0);
    expect([...(await keychainEntries(stack.secrets)).values()]).toEqual([created.token]);
  });

  it('drops a pasted secret the service refuses and waits for a working one', async () => {
    const rotation = cli.start(['rotate', TOKEN, '--yes']);
    await rotation.waitForStderr(PASTE_PROMPT);
    const revoked = newToken();
    sim.dashboard.revokeToken({ prefix: revoked.prefix });
    rotation.answer(revoked.token);
    await rotation.waitForStderr('AUTH_FAILED: ');
    rotation.endInput();
    const result = await rotation.done;
    expect(result.code).toBe(5);
    expect([...(await keychainEntries(stack.secrets)).values()]).toEqual([old.token]);
  });
});
