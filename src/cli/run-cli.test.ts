import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/errors';
import { DataDirBusyError } from '../main/core/storage/writer-lock';
import type { Core } from '../main/core/app-core';
import type { AccountInventory } from '../shared/model';
import type { CliSession } from './cli-session';
import type { CommandContext } from './command-context';
import { runCli } from './run-cli';
import { testTerminal } from './test-support/test-terminal';

const commands = [
  'list',
  'check',
  'rotate',
  'revoke',
  'create',
  'copy',
  'export',
  'publish',
  'completion',
];

function context(open: CommandContext['open'] = () => Promise.reject(new Error('not opened'))) {
  const term = testTerminal();
  return { term, open: vi.fn(open) };
}

describe('the exit status of a command line', () => {
  it('documents the exit codes in the --help of the program and of every command', async () => {
    const top = context();
    expect(await runCli(['--help'], top)).toBe(0);
    expect(top.term.out()).toContain('Exit codes:');
    for (const name of commands) {
      const one = context();
      expect(await runCli([name, '--help'], one)).toBe(0);
      expect(one.term.out()).toContain(`Usage: tokendesk ${name}`);
      expect(one.term.out()).toContain('3  check: at least one finding at or above --fail-on');
    }
  });

  it('answers 2 for a wrong command line before it opens anything', async () => {
    const wrong = context();
    expect(await runCli(['list', '--colour'], wrong)).toBe(2);
    expect(wrong.term.err()).toContain("unknown option '--colour'");
    expect(await runCli(['check', '--fail-on', 'sometimes'], wrong)).toBe(2);
    expect(await runCli(['rotate'], wrong)).toBe(2);
    expect(await runCli(['list', '--expiring-within', 'soon'], wrong)).toBe(2);
    expect(wrong.open).not.toHaveBeenCalled();
  });

  it('refuses --show-secret into a pipe before anything is created', async () => {
    const piped = context();
    const args = ['create', 'Lab', '--name', 'x', '--expires', '30d', '--show-secret'];
    expect(await runCli(args, piped)).toBe(2);
    expect(piped.term.err()).toContain('--force');
    expect(piped.open).not.toHaveBeenCalled();
  });

  it('answers 4 when another program holds the data, 1 with the code for other failures', async () => {
    const busy = context(() =>
      Promise.reject(
        new DataDirBusyError({
          pid: 4242,
          startTime: null,
          owner: 'The TokenDesk app',
          since: '2026-01-01T00:00:00.000Z',
          nonce: 'n',
        }),
      ),
    );
    expect(await runCli(['revoke', 'Lab/x', '--yes', '--wait', '0'], busy)).toBe(4);
    expect(busy.term.err()).toMatch(/^CONFLICT: The TokenDesk app \(process 4242/);
    expect(busy.open).toHaveBeenCalledWith({ write: true, command: 'revoke', waitMs: 0 });

    const locked = context(() =>
      Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'Your keyring is locked.')),
    );
    expect(await runCli(['list'], locked)).toBe(1);
    expect(locked.term.err()).toBe('KEYCHAIN_UNAVAILABLE: Your keyring is locked.\n');
    expect(locked.open).toHaveBeenCalledWith({ write: false });

    const broken = context(() => Promise.reject(new Error('token glpat-secret in a stack')));
    expect(await runCli(['export'], broken)).toBe(1);
    expect(broken.term.err()).not.toContain('glpat-secret');
  });
});

describe('asking before an action that cannot be undone', () => {
  const inventory = {
    accountId: 'acc-2',
    tokens: [{ id: 'tok-1', name: 'deploy', prefix: null }],
  } as AccountInventory;

  function sessionWith(revoke: () => Promise<void>): CliSession {
    const core = {
      accounts: { list: () => Promise.resolve([{ id: 'acc-2', label: 'Lab' }]) },
      inventory: { snapshot: () => Promise.resolve([inventory]) },
      tokens: { revoke },
    } as unknown as Core;
    return {
      core,
      dataDir: '',
      onRotationProgress: () => undefined,
      close: () => Promise.resolve(),
    };
  }

  it('revokes only after a yes typed on the terminal; a no changes nothing and exits 1', async () => {
    for (const [answer, code, calls, said] of [
      ['n\r', 1, 0, 'Nothing was changed.'],
      ['y\r', 0, 1, 'Revoked Lab/deploy.'],
    ] as const) {
      const revoke = vi.fn(() => Promise.resolve());
      const asked = context(() => Promise.resolve(sessionWith(revoke)));
      Object.assign(asked.term.stdin, { isTTY: true, setRawMode: () => undefined });
      const running = runCli(['revoke', 'Lab/deploy'], asked);
      await vi.waitFor(() => expect(asked.term.err()).toContain('Revoke Lab/deploy?'));
      asked.term.stdin.emit('data', Buffer.from(answer));
      expect(await running).toBe(code);
      expect(revoke).toHaveBeenCalledTimes(calls);
      expect(asked.term.err()).toContain(said);
    }
  });
});
