import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitlabCiSim, type GitlabCiSim } from '../../sim/gitlab-ci/gitlab-ci.sim';
import { newGithubToken } from '../../sim/github/github-state';
import { startGithubSim, type GithubSim } from '../../sim/github/github.sim';
import { demoKestraSeed } from '../../sim/kestra/kestra-seeds';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { githubAdapter } from '../../src/main/core/providers/github/github.adapter';
import { kestraAdapter } from '../../src/main/core/providers/kestra/kestra.adapter';
import type { AttentionItem, AttentionList } from '../../src/shared/attention-model';
import type {
  PublishBinding,
  PublishTargetInput,
  PublishTargetResult,
  TokenInfo,
} from '../../src/shared/model';
import { startStack } from './support/stack';
import { gitlabAccountsOnly } from './support/gitlab-accounts-only';
import { createPublishedToken, ok } from './support/published-token';

const DAY_MS = 24 * 3600_000;

describe('CI drift: every target still holds its token’s current secret (simulators, real keychain)', () => {
  let github: GithubSim;
  let gitlab: GitlabCiSim;
  let kestra: KestraSim;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let files: string;
  const githubCredential = newGithubToken();
  const gitlabCredential = `glpat-${randomBytes(12).toString('hex')}`;
  const kestraManagement = `canary-manage-${randomBytes(16).toString('hex')}`;
  let published: { accountId: string; tokenId: string };
  let secret: string;
  let targets: Record<'github' | 'gitlab' | 'dotenv' | 'profile', PublishBinding>;

  beforeEach(async () => {
    github = await startGithubSim({
      repos: [{ fullName: 'octo/app' }],
      tokens: [{ secret: githubCredential, login: 'octocat', repos: { 'octo/app': 'admin' } }],
    });
    gitlab = await startGitlabCiSim({
      projects: [{ id: 7, pathWithNamespace: 'group/app', variables: [] }],
      tokens: [{ secret: gitlabCredential, username: 'maint', projects: { '7': 40 } }],
    });
    kestra = await startKestraSim(demoKestraSeed(kestraManagement));
    stack = await startStack(`TokenDesk-int-drift-${randomBytes(4).toString('hex')}`, [
      kestraAdapter,
      githubAdapter,
      gitlabAccountsOnly,
    ]);
    files = await mkdtemp(join(tmpdir(), 'tokendesk-int-drift-files-'));

    ({ ref: published, secret } = await createPublishedToken(stack, kestra.url, kestraManagement));

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
        name: 'ci',
        secret: githubCredential,
      }),
    );
    const gitlabAccount = await ok<{ id: string }>(
      stack.call('accounts:add', {
        provider: 'gitlab',
        label: 'GitLab',
        baseUrl: gitlab.url,
        settings: {},
        credential: gitlabCredential,
      }),
    );
    const bind = (target: PublishTargetInput) =>
      ok<PublishBinding>(stack.call('publish:add', { ...published, target }));
    targets = {
      github: await bind({
        kind: 'github-actions',
        repository: 'octo/app',
        secretName: 'KESTRA_TOKEN',
        credential: { accountId: githubAccount.id, tokenId: tracked.id },
      }),
      gitlab: await bind({
        kind: 'gitlab-variable',
        project: 'group/app',
        key: 'KESTRA_TOKEN',
        credential: { accountId: gitlabAccount.id, tokenId: 'manage' },
      }),
      dotenv: await bind({ kind: 'dotenv', path: join(files, '.env'), key: 'KESTRA_TOKEN' }),
      profile: await bind({
        kind: 'podstack-profile',
        path: join(files, 'credentials'),
        profile: 'ci',
      }),
    };
    await writeFile(join(files, '.env'), 'KESTRA_TOKEN=\n');
    const results = await ok<PublishTargetResult[]>(stack.call('publish:run', published));
    expect(results.every((result) => result.ok)).toBe(true);
  });

  afterEach(async () => {
    await stack.stop();
    await rm(files, { recursive: true, force: true });
    await Promise.all([github.close(), gitlab.close(), kestra.close()]);
  });

  const check = () => ok<{ drifted: number }>(stack.call('publish:check', {}));
  const itemOfToken = async (): Promise<AttentionItem | undefined> => {
    const list = await ok<AttentionList>(stack.call('attention:list', {}));
    expect(JSON.stringify(list)).not.toContain(secret);
    return list.items.find((item) => item.tokenId === published.tokenId);
  };
  const driftMessages = (item: AttentionItem | undefined) =>
    (item?.reasons ?? []).filter((r) => r.kind.startsWith('target-')).map((r) => r.message);

  it('finds nothing while every target holds the current secret', async () => {
    expect(await check()).toEqual({ drifted: 0 });
    expect(driftMessages(await itemOfToken())).toEqual([]);
  });

  it('finds a changed, a removed and an overwritten target, and Publish again fixes them all', async () => {
    // Someone edits the CI variable in GitLab's page, restores an old .env, drops the profile…
    gitlab.dashboard.setVariable({
      project: 'group/app',
      key: 'KESTRA_TOKEN',
      value: 'an-older-token',
    });
    await writeFile(join(files, '.env'), 'KESTRA_TOKEN=an-older-token\n');
    await writeFile(join(files, 'credentials'), '[other]\napi_token = x\n');
    // …and GitHub's copy was written before this token existed (as by an earlier token's run).
    github.advanceClock(-2 * DAY_MS);
    await ok(stack.call('publish:run', { ...published, targetIds: [targets.github.id] }));
    github.advanceClock(2 * DAY_MS);

    expect(await check()).toEqual({ drifted: 4 });
    const item = await itemOfToken();
    expect(item?.fixes).toContain('publish-again');
    expect(item?.urgency).toBe('high');
    expect(driftMessages(item).sort()).toEqual(
      [
        `${targets.github.description} no longer holds the current secret of “ci-deploy-bot”. Publish again to update it.`,
        `${targets.gitlab.description} no longer holds the current secret of “ci-deploy-bot”. Publish again to update it.`,
        `${targets.dotenv.description} no longer holds the current secret of “ci-deploy-bot”. Publish again to update it.`,
        `${targets.profile.description} is gone: it holds no secret of “ci-deploy-bot”. Publish again to restore it.`,
      ].sort(),
    );

    const again = await ok<PublishTargetResult[]>(stack.call('publish:again', published));
    expect(again.map((result) => result.ok)).toEqual([true, true, true, true]);
    expect(gitlab.variable('group/app', 'KESTRA_TOKEN')?.value).toBe(secret);
    expect(github.secretValue('octo/app', 'KESTRA_TOKEN')).toBe(secret);
    expect(driftMessages(await itemOfToken())).toEqual([]);
    expect(await check()).toEqual({ drifted: 0 });
  });

  it('finds a GitHub secret that was deleted, after a refresh', async () => {
    await fetch(`${github.url}/repos/octo/app/actions/secrets/KESTRA_TOKEN`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${githubCredential}` },
    });
    await ok(stack.call('tokens:refresh', {}));
    // The refresh started a check; asking again joins it.
    expect(await stack.core.drift.checkAll()).toBe(1);
    expect(driftMessages(await itemOfToken())).toEqual([
      `${targets.github.description} is gone: it holds no secret of “ci-deploy-bot”. Publish again to restore it.`,
    ]);
  });

  it('calls a target dead when its token expired, and offers a rotation instead', async () => {
    kestra.advanceClock(31 * DAY_MS);
    await ok(stack.call('tokens:refresh', { accountId: published.accountId }));
    expect(await stack.core.drift.checkAll()).toBe(4);
    const item = await itemOfToken();
    expect(item?.urgency).toBe('critical');
    expect(item?.reasons.filter((r) => r.kind === 'target-dead')).toHaveLength(4);
    expect(item?.fixes).toContain('rotate');
    expect(item?.fixes).not.toContain('publish-again');
  });
});
