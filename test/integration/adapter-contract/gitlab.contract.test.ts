import { randomBytes } from 'node:crypto';
import { startGitlabSim, type GitlabSim } from '../../../sim/gitlab/gitlab.sim';
import { createHttpClient } from '../../../src/main/core/http/http-client';
import { gitlabAdapter } from '../../../src/main/core/providers/gitlab/gitlab.adapter';
import type { Account } from '../../../src/shared/model';
import { describeAdapterContract } from './adapter-contract';
import type { HarnessInstance, IssuedToken } from './adapter-harness';

const MANAGEMENT = `glpat-${randomBytes(15).toString('base64url')}`;
const ROUTES = { verify: 'getPersonalTokenSelf' };

/** Root administers the instance; `acme/web` holds the project tokens, `acme/other` none. */
function startSim(): Promise<GitlabSim> {
  return startGitlabSim({
    users: [
      {
        id: 1,
        username: 'root',
        admin: true,
        tokens: [{ name: 'tokendesk', secret: MANAGEMENT, expiresInDays: 300 }],
      },
    ],
    projects: [
      { id: 101, pathWithNamespace: 'acme/web', members: [{ userId: 1, accessLevel: 50 }] },
      { id: 102, pathWithNamespace: 'acme/other', members: [{ userId: 1, accessLevel: 40 }] },
    ],
  });
}

function accountOn(sim: GitlabSim, settings: Record<string, string>): Account {
  return {
    id: `acc-gitlab-${settings.tokenType ?? ''}`,
    provider: 'gitlab',
    label: 'GitLab',
    baseUrl: sim.url,
    settings: gitlabAdapter.parseSettings(settings),
    createdAt: new Date().toISOString(),
    mode: 'roll',
    tokenPageUrl: null,
  };
}

/**
 * GitLab lists no part of a token's secret, so TokenDesk tells tokens apart by what GitLab said
 * when it created them: the harness issues tokens the way a TokenDesk user does, through the
 * adapter's create.
 */
function instanceOn(
  sim: GitlabSim,
  account: Account,
  extra: Pick<HarnessInstance, 'wrongScopes' | 'seedTokens'>,
): HarnessInstance {
  let sequence = 0;
  return {
    sim,
    account,
    credential: MANAGEMENT,
    async issueToken(options = {}): Promise<IssuedToken> {
      const http = createHttpClient({});
      try {
        const created = await gitlabAdapter.createToken(
          { account, credential: MANAGEMENT, http },
          {
            name: `token-${++sequence}`,
            expiry: { kind: 'days', days: options.expiresInDays ?? 30 },
          },
        );
        return {
          id: created.token.id,
          secret: created.secret,
          scope: { project: created.token.project, role: created.token.role },
        };
      } finally {
        await http.close();
      }
    },
    revokeAtService(token) {
      sim.dashboard.revokeToken({ tokenId: Number(token.id) });
      return Promise.resolve();
    },
    ...extra,
  };
}

describeAdapterContract({
  name: 'GitLab personal access tokens',
  adapter: gitlabAdapter,
  routes: { ...ROUTES, list: 'listPersonalTokens' },
  expires: true,
  async start() {
    const sim = await startSim();
    return instanceOn(sim, accountOn(sim, { tokenType: 'personal' }), {
      // A personal token is no access token of any project.
      wrongScopes: () => [{ project: 'acme/web', role: null }],
      seedTokens(count) {
        for (let i = 0; i < count; i++) {
          sim.dashboard.createPersonalToken({ userId: 1, name: `bulk-${i}` });
        }
        return Promise.resolve();
      },
    });
  },
});

describeAdapterContract({
  name: 'GitLab project access tokens',
  adapter: gitlabAdapter,
  routes: { ...ROUTES, list: 'listProjectTokens' },
  expires: true,
  async start() {
    const sim = await startSim();
    return instanceOn(sim, accountOn(sim, { tokenType: 'project', project: 'acme/web' }), {
      wrongScopes: (token) => [
        { project: 'acme/other', role: token.scope.role },
        { project: 'acme/web', role: 'Owner' },
      ],
      seedTokens(count) {
        for (let i = 0; i < count; i++) {
          sim.dashboard.createProjectToken({ project: 'acme/web', name: `bulk-${i}` });
        }
        return Promise.resolve();
      },
    });
  },
});
