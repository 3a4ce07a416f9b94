import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT, DEMO_USER, demoKestraSeed } from '../../../sim/kestra/kestra-seeds';
import { newKestraSecret } from '../../../sim/kestra/kestra-state';
import { startKestraSim, type KestraSim } from '../../../sim/kestra/kestra.sim';
import { WRITER_LOCK_FILE } from '../../../src/main/core/storage/writer-lock';
import { CliRunner, cliPath } from './support/cli-runner';
import { removeDataDir, seedDataDir, type CliWorld } from './support/cli-world';

const serveJs = resolve(cliPath, '..', 'serve.js');
const TOKEN = 'Kestra/local-dev';

/** The app (its browser target, the same composition as the desktop app) and the CLI on one data dir. */
// Every step spawns the built CLI (a Node start, keytar, the keychain): slow on a busy machine.
describe('one writer at a time', { timeout: 120_000 }, () => {
  let sim: KestraSim;
  let stack: CliWorld;
  let cli: CliRunner;
  let app: ChildProcess | null = null;

  beforeEach(async () => {
    const credential = newKestraSecret();
    sim = await startKestraSim(demoKestraSeed(credential));
    stack = await seedDataDir([
      {
        provider: 'kestra',
        label: 'Kestra',
        baseUrl: sim.url,
        settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
        credential,
      },
    ]);
    cli = new CliRunner(stack.dataDir);
  });

  afterEach(async () => {
    if (app !== null && app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
    await removeDataDir(stack);
    await sim.close();
  });

  /** Starts the app on the data dir and resolves once it serves (its own readiness line). */
  function startApp(): Promise<ChildProcess> {
    const child = spawn(process.execPath, [serveJs], {
      env: { ...process.env, TOKENDESK_DATA_DIR: stack.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app = child;
    return new Promise((resolveReady, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('TOKENDESK_READY')) resolveReady(child);
      });
      child.on('exit', () => reject(new Error(`the app exited before it was ready:\n${output}`)));
    });
  }

  const stopped = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
    new Promise((resolveExit) => {
      child.once('exit', () => resolveExit());
      child.kill(signal);
    });

  const isRevoked = (name: string): boolean =>
    sim.tokens().some((token) => token.name === name && token.revoked);

  it('refuses a writer while the app runs, still reads, and writes once the app is closed', async () => {
    const running = await startApp();

    const refused = await cli.run(['revoke', TOKEN, '--yes', '--wait', '0']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(`CONFLICT: TokenDesk in the browser (process ${running.pid}`);
    const rotateRefused = await cli.run(['rotate', TOKEN, '--yes', '--wait', '1s']);
    expect(rotateRefused.code).toBe(4);
    expect(isRevoked('local-dev')).toBe(false);
    expect(sim.tokens().filter((t) => t.name.startsWith('local-dev-r'))).toEqual([]);

    const listed = await cli.run(['list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toContainEqual(
      expect.objectContaining({ token: 'local-dev' }),
    );
    expect((await cli.run(['check'])).code).toBe(0);
    expect((await cli.run(['export'])).code).toBe(0);

    await stopped(running, 'SIGTERM');
    const revoked = await cli.run(['revoke', TOKEN, '--yes', '--wait', '0']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(isRevoked('local-dev')).toBe(true);
  });

  it('takes over the lock of an app that was killed', async () => {
    await stopped(await startApp(), 'SIGKILL');
    const revoked = await cli.run(['revoke', TOKEN, '--yes', '--wait', '0']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(isRevoked('local-dev')).toBe(true);
  });

  it('makes the app wait for a command that is changing the data', async () => {
    // Each call to the service takes 2 s: the rotation holds the lock for several of them.
    sim.setKnobs({ latencyMs: 2_000 });
    const rotation = cli.start(['rotate', TOKEN, '--yes']);
    await rotation.waitForStderr('create running');
    let serving = false;
    const appStarted = startApp().then(() => {
      serving = true;
    });
    await rotation.waitForStderr('revoke running');
    expect(serving).toBe(false);
    const lock: unknown = JSON.parse(await readFile(join(stack.dataDir, WRITER_LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ owner: 'tokendesk rotate' });

    const result = await rotation.done;
    expect(result.code, result.stderr).toBe(0);
    await appStarted;
    expect(serving).toBe(true);
  });
});
