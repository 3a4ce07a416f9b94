import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../../e2e/support/secret-scan';
import { startGitlabCiSim, type GitlabCiSim } from '../../sim/gitlab-ci/gitlab-ci.sim';
import { newGithubToken } from '../../sim/github/github-state';
import { startGithubSim, type GithubSim } from '../../sim/github/github.sim';
import { demoKestraSeed } from '../../sim/kestra/kestra-seeds';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { createCore } from '../../src/main/core/app-core';
import { createHttpClient } from '../../src/main/core/http/http-client';
import { silentLogger } from '../../src/main/core/log/logger';
import { githubAdapter } from '../../src/main/core/providers/github/github.adapter';
import { kestraAdapter } from '../../src/main/core/providers/kestra/kestra.adapter';
import { makeReadOnly } from '../../src/main/core/publish/test-support/read-only-folder';
import { createDispatcher } from '../../src/main/ipc/handle';
import { createHandlerTable } from '../../src/main/ipc/handlers';
import { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';
import type { Envelope } from '../../src/shared/contract';
import type {
  PublishBinding,
  PublishTargetInput,
  PublishTargetResult,
  TokenInfo,
} from '../../src/shared/model';
import { gitlabAccountsOnly } from './support/gitlab-accounts-only';
import { createPublishedToken, ok } from './support/published-token';

/** The app minus the transport, as test/integration/support/stack.ts, with `~` in a temp home. */
async function startPublishStack(keychainService: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-int-publish-'));
  const home = await mkdtemp(join(tmpdir(), 'tokendesk-int-home-'));
  const secrets = new KeytarSecretStore(keychainService);
  const http = createHttpClient({
    connectTimeoutMs: 2_000,
    requestTimeoutMs: 3_000,
    baseDelayMs: 10,
  });
  const core = createCore({
    dataDir,
    secrets,
    http,
    adapters: [kestraAdapter, githubAdapter, gitlabAccountsOnly],
    log: silentLogger,
    emit: () => undefined,
    clipboard: null,
    importEnvironment: { env: {}, home },
  });
  const dispatch = createDispatcher(
    createHandlerTable(core, { target: 'browser', version: 'test' }),
    {
      isTrustedSender: () => true,
      log: silentLogger,
    },
  );
  return {
    dataDir,
    home,
    secrets,
    core,
    call: (channel: string, args: unknown): Promise<Envelope<unknown>> =>
      dispatch(channel, { url: 'http://127.0.0.1', isMainFrame: true }, args),
    async stop(): Promise<void> {
      for (const key of await secrets.list()) await secrets.delete(key);
      await http.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    },
  };
}

type Stack = Awaited<ReturnType<typeof startPublishStack>>;

describe('publishing a token to CI targets and files (simulators, real keychain)', () => {
  let github: GithubSim;
  let gitlab: GitlabCiSim;
  let kestra: KestraSim;
  let stack: Stack;
  const githubCredential = newGithubToken();
  const gitlabCredential = `glpat-${randomBytes(12).toString('hex')}`;
  const kestraManagement = `canary-manage-${randomBytes(16).toString('hex')}`;

  /** The token being published, its secret (read from the keychain) and the credentials' refs. */
  let published: { accountId: string; tokenId: string };
  let secret: string;
  let githubRef: { accountId: string; tokenId: string };
  let gitlabRef: { accountId: string; tokenId: string };

  beforeEach(async () => {
    github = await startGithubSim({
      repos: [{ fullName: 'octo/app', environments: ['production'] }, { fullName: 'octo/docs' }],
      tokens: [
        {
          secret: githubCredential,
          login: 'octocat',
          repos: { 'octo/app': 'admin', 'octo/docs': 'read' },
        },
      ],
    });
    gitlab = await startGitlabCiSim({
      projects: [
        {
          id: 7,
          pathWithNamespace: 'group/app',
          variables: [{ key: 'UNRELATED', value: 'keep-me-as-is' }],
        },
      ],
      tokens: [{ secret: gitlabCredential, username: 'maint', projects: { '7': 40 } }],
    });
    kestra = await startKestraSim(demoKestraSeed(kestraManagement));
    stack = await startPublishStack(`TokenDesk-int-publish-${randomBytes(4).toString('hex')}`);

    ({ ref: published, secret } = await createPublishedToken(stack, kestra.url, kestraManagement));
    expect(secret).not.toBe('');

    const githubAccount = await ok<{ id: string }>(
      stack.call('accounts:add', {
        provider: 'github',
        label: 'GitHub',
        baseUrl: github.url,
        settings: {},
      }),
    );
    const tracked = await ok<TokenInfo>(
      stack.call('tokens:track', {
        accountId: githubAccount.id,
        name: 'ci-publisher',
        secret: githubCredential,
      }),
    );
    githubRef = { accountId: githubAccount.id, tokenId: tracked.id };

    const gitlabAccount = await ok<{ id: string }>(
      stack.call('accounts:add', {
        provider: 'gitlab',
        label: 'GitLab',
        baseUrl: gitlab.url,
        settings: {},
        credential: gitlabCredential,
      }),
    );
    gitlabRef = { accountId: gitlabAccount.id, tokenId: 'manage' };
  });

  afterEach(async () => {
    await stack.stop();
    await Promise.all([github.close(), gitlab.close(), kestra.close()]);
  });

  const add = (target: PublishTargetInput) => stack.call('publish:add', { ...published, target });
  const bind = (target: PublishTargetInput) => ok<PublishBinding>(add(target));
  const run = (targetIds?: string[]) =>
    ok<PublishTargetResult[]>(
      stack.call('publish:run', { ...published, ...(targetIds ? { targetIds } : {}) }),
    );
  const repoSecret = (): PublishTargetInput => ({
    kind: 'github-actions',
    repository: 'octo/app',
    secretName: 'KESTRA_TOKEN',
    credential: githubRef,
  });
  const gitlabVariable = (): PublishTargetInput => ({
    kind: 'gitlab-variable',
    project: 'group/app',
    key: 'KESTRA_TOKEN',
    masked: true,
    protected: true,
    environmentScope: 'production',
    credential: gitlabRef,
  });

  it('publishes the keychain’s secret to every target and proves each one', async () => {
    const envPath = join(stack.home, 'app', '.env');
    await mkdir(join(stack.home, 'app'));
    await writeFile(envPath, "# deploy\r\nKESTRA_TOKEN=old\r\nOTHER='keep me'", { mode: 0o644 });
    const targets = [
      await bind(repoSecret()),
      await bind({ ...repoSecret(), environment: 'production' } as PublishTargetInput),
      await bind(gitlabVariable()),
      await bind({ kind: 'dotenv', path: '~/app/.env', key: 'KESTRA_TOKEN' }),
      await bind({ kind: 'podstack-profile', profile: 'ci' }),
    ];

    const results = await run();
    expect(results).toEqual(
      targets.map((target) => ({
        targetId: target.id,
        ok: true,
        verifiedAt: expect.any(String) as unknown,
        error: null,
      })),
    );
    // What each destination holds now is the secret in the keychain (GitHub's decrypted by the sim).
    expect(github.secretValue('octo/app', 'KESTRA_TOKEN')).toBe(secret);
    expect(github.secretValue('octo/app', 'KESTRA_TOKEN', 'production')).toBe(secret);
    expect(gitlab.variable('group/app', 'KESTRA_TOKEN', 'production')).toMatchObject({
      value: secret,
      masked: true,
      protected: true,
    });
    expect(gitlab.variable('7', 'UNRELATED')?.value).toBe('keep-me-as-is');
    expect(await readFile(envPath, 'utf8')).toBe(
      `# deploy\r\nKESTRA_TOKEN=${secret}\r\nOTHER='keep me'`,
    );
    expect((await stat(envPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(join(stack.home, '.podstack', 'credentials'), 'utf8')).toBe(
      `[ci]\napi_token = ${secret}\n`,
    );

    // A second run updates in place: GitHub answers 204, GitLab's PUT finds the variable.
    github.advanceClock(2_000);
    expect((await run()).every((result) => result.ok)).toBe(true);
    expect(github.calls().filter((c) => c.route === 'putRepoSecret')).toHaveLength(2);

    const listed = await ok<PublishBinding[]>(stack.call('publish:list', published));
    expect(listed.map((binding) => binding.lastResult?.ok)).toEqual([true, true, true, true, true]);
    // The targets' files are the user's chosen destinations; TokenDesk's own files hold no secret.
    for (const value of [secret, githubCredential, gitlabCredential, kestraManagement]) {
      expect(await filesContaining(stack.dataDir, value)).toEqual([]);
    }
  });

  it('reports a revoked target credential (401) and changes nothing at the service', async () => {
    await bind(repoSecret());
    const variable = await bind(gitlabVariable());
    await run();
    const githubBefore = github.secrets();
    const gitlabBefore = gitlab.variables('7');

    github.dashboard.revokeToken({ token: githubCredential });
    gitlab.dashboard.revokeToken({ token: gitlabCredential });
    const results = await run();
    expect(results.map((result) => result.error?.code)).toEqual(['AUTH_FAILED', 'AUTH_FAILED']);
    expect(results[0]?.error?.message).toContain('GitHub refused the token this target uses');
    expect(results[1]?.error?.message).toContain('GitLab refused the token this target uses');
    expect(github.secrets()).toEqual(githubBefore);
    expect(gitlab.variables('7')).toEqual(gitlabBefore);
    for (const result of results) {
      for (const value of [secret, githubCredential, gitlabCredential]) {
        expect(result.error?.message).not.toContain(value);
      }
    }
    const listed = await ok<PublishBinding[]>(stack.call('publish:list', published));
    expect(listed.find((b) => b.id === variable.id)?.lastResult).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED' },
    });
  });

  it('reports a missing repository and a missing environment, and writes nothing', async () => {
    const missingRepo = await bind({
      ...repoSecret(),
      repository: 'octo/nope',
    } as PublishTargetInput);
    const missingEnv = await bind({
      ...repoSecret(),
      environment: 'staging',
    } as PublishTargetInput);
    const results = await run();
    expect(results).toEqual([
      {
        targetId: missingRepo.id,
        ok: false,
        verifiedAt: null,
        error: {
          code: 'NOT_FOUND',
          message: expect.stringContaining('no repository octo/nope') as unknown,
        },
      },
      {
        targetId: missingEnv.id,
        ok: false,
        verifiedAt: null,
        error: {
          code: 'NOT_FOUND',
          message: expect.stringContaining('has no environment "staging"') as unknown,
        },
      },
    ]);
    expect(github.secrets()).toEqual([]);
  });

  it('reports a token without permission on the repository (403)', async () => {
    await bind({ ...repoSecret(), repository: 'octo/docs' } as PublishTargetInput);
    const [result] = await run();
    expect(result?.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('octo/docs') as unknown,
    });
    expect(github.secrets()).toEqual([]);
  });

  it('refuses a secret GitLab cannot mask before calling GitLab, and publishes the rest', async () => {
    const variable = await bind(gitlabVariable());
    const file = await bind({ kind: 'dotenv', path: '~/.env', key: 'KESTRA_TOKEN' });
    const callsBefore = gitlab.calls().length;
    // As the rotation engine publishes a new secret, here one GitLab will not mask.
    const unmaskable = `has spaces ${randomBytes(8).toString('hex')}`;
    const results = await stack.core.publishing.publish({ ...published, secret: unmaskable });

    expect(results.find((r) => r.targetId === variable.id)?.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('GitLab cannot mask KESTRA_TOKEN') as unknown,
    });
    expect(results.find((r) => r.targetId === variable.id)?.error?.message).not.toContain(
      unmaskable,
    );
    expect(gitlab.calls()).toHaveLength(callsBefore);
    expect(gitlab.variable('7', 'KESTRA_TOKEN', 'production')).toBeUndefined();
    expect(results.find((r) => r.targetId === file.id)?.ok).toBe(true);
    expect(await readFile(join(stack.home, '.env'), 'utf8')).toBe(`KESTRA_TOKEN='${unmaskable}'\n`);
  });

  it('reports an unwritable file and leaves it as it was', async () => {
    const folder = join(stack.home, 'locked');
    await mkdir(folder);
    await writeFile(join(folder, '.env'), 'KESTRA_TOKEN=old\n');
    await bind({ kind: 'dotenv', path: '~/locked/.env', key: 'KESTRA_TOKEN' });
    const undo = await makeReadOnly(folder);
    let results: PublishTargetResult[];
    try {
      results = await run();
    } finally {
      await undo();
    }
    expect(results[0]?.error).toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringMatching(/Could not write .*locked.*left as it was/) as unknown,
    });
    expect(await readFile(join(folder, '.env'), 'utf8')).toBe('KESTRA_TOKEN=old\n');
  });

  it('checks a target when it is added, and moves the bindings to a rotated token’s successor', async () => {
    const refused: Array<[PublishTargetInput, string]> = [
      [{ kind: 'dotenv', path: 'relative/.env', key: 'K' }, 'VALIDATION'],
      [{ ...repoSecret(), secretName: 'GITHUB_TOKEN' } as PublishTargetInput, 'VALIDATION'],
      [{ ...repoSecret(), credential: gitlabRef } as PublishTargetInput, 'VALIDATION'],
      [{ ...gitlabVariable(), credential: githubRef } as PublishTargetInput, 'VALIDATION'],
      [
        { ...repoSecret(), apiBaseUrl: 'https://api.github.com' } as PublishTargetInput,
        'VALIDATION',
      ],
    ];
    for (const [target, code] of refused) {
      expect(await add(target)).toMatchObject({ ok: false, error: { code } });
    }
    const binding = await bind(repoSecret());
    expect(await add(repoSecret())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await stack.core.publishing.rebind(published.accountId, published.tokenId, 'tok-successor');
    expect(await ok<PublishBinding[]>(stack.call('publish:list', published))).toEqual([]);
    const moved = await ok<PublishBinding[]>(
      stack.call('publish:list', { accountId: published.accountId, tokenId: 'tok-successor' }),
    );
    expect(moved.map((b) => b.id)).toEqual([binding.id]);
    expect(
      await ok(
        stack.call('publish:remove', {
          accountId: published.accountId,
          tokenId: 'tok-successor',
          targetId: binding.id,
        }),
      ),
    ).toEqual({ removed: true });
  });

  it('tracks a GitHub token only once GitHub accepts it', async () => {
    const refused = await stack.call('tokens:track', {
      accountId: githubRef.accountId,
      name: 'typo',
      secret: newGithubToken(),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'AUTH_FAILED',
        message: expect.stringContaining('GitHub refused the token') as unknown,
      },
    });
    const inventory = await ok<Array<{ accountId: string; tokens: TokenInfo[] }>>(
      stack.call('tokens:inventory', {}),
    );
    const tokens = inventory.find((entry) => entry.accountId === githubRef.accountId)?.tokens ?? [];
    expect(tokens.map((token) => [token.name, token.prefix, token.hasSecret])).toEqual([
      ['ci-publisher', githubCredential.slice(0, 8), true],
    ]);
    expect(
      github
        .calls()
        .filter((c) => c.route === 'getUser')
        .map((c) => c.accepted),
    ).toEqual([true, false]);
  });
});
