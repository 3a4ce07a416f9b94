import { gitlabRateLimitHeaders } from './gitlab-rate-limit';
import { z } from 'zod';
import { dashboardAction } from '../common/sim-body';
import { lastAcceptedUse } from '../common/sim-calls';
import { createSimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { startSimServer } from '../common/sim-server';
import { serverKnobs } from '../common/sim-service-options';
import type { SimServiceOptions } from '../common/sim-service-options';
import type { SimServer } from '../common/sim-types';
import { GitlabError, notFound } from './gitlab-errors';
import { GitlabAuth } from './gitlab-auth';
import { gitlabCiRoutes } from '../gitlab-ci/gitlab-ci-routes';
import { GitlabCiState } from '../gitlab-ci/gitlab-ci-state';
import type { GitlabApiVariable, GitlabCiSeed } from '../gitlab-ci/gitlab-ci.types';
import { gitlabRoutes } from './gitlab-routes';
import { GitlabState } from './gitlab-state';
import { GITLAB_PERSONAL_SCOPES, MAINTAINER } from './gitlab.types';
import type {
  GitlabApiProjectToken,
  GitlabApiToken,
  GitlabCall,
  GitlabSeed,
  GitlabTokenView,
  WithSecret,
} from './gitlab.types';

export interface GitlabSimOptions extends GitlabSeed, SimServiceOptions {
  /**
   * Projects' CI/CD variables on the same host, as one GitLab instance serves both; the seed's
   * tokens are the ones the variables API accepts.
   */
  ci?: GitlabCiSeed;
}

export interface DashboardCreatePersonalToken {
  userId: number;
  name: string;
  /** Default ["api"]. */
  scopes?: string[];
  description?: string;
  /** `YYYY-MM-DD`; default 30 days from today, GitLab's suggestion in the token form. */
  expiresAt?: string;
}

export interface DashboardCreateProjectToken {
  /** The project's numeric id or its path. */
  project: string | number;
  name: string;
  /** Default ["api"]. */
  scopes?: string[];
  /** Default 40 (Maintainer). */
  accessLevel?: number;
  /** `YYYY-MM-DD`; default 30 days from today. */
  expiresAt?: string;
}

export interface GitlabDashboard {
  /** What the user does on "Personal access tokens → Add new token": the secret, shown once. */
  createPersonalToken(input: DashboardCreatePersonalToken): WithSecret<GitlabApiToken>;
  /** A Maintainer's "Project → Settings → Access tokens → Add new token": the secret, once. */
  createProjectToken(input: DashboardCreateProjectToken): WithSecret<GitlabApiProjectToken>;
  /** "Revoke" in the token list: any personal or project token, by id. */
  revokeToken(input: { tokenId: number }): void;
}

export interface GitlabSim extends SimServer {
  /** A CI/CD variable, value included (only with the `ci` option). */
  ciVariable(project: string, key: string, scope?: string): GitlabApiVariable | undefined;
  dashboard: GitlabDashboard;
  /** Every token ever seeded, created or rotated, secrets and family ids included. */
  tokens(): GitlabTokenView[];
  /** How many token families reuse detection revoked. */
  familyRevocations(): number;
  /** Every request to a token route, with the token it presented and whether it was accepted. */
  calls(): GitlabCall[];
  /** The latest accepted call made with `secret`, e.g. to prove "verify used the new token". */
  lastUseOf(secret: string): GitlabCall | undefined;
  /** The secret of the live (not revoked) token named `name`; `owner` is a username or a project path. */
  secretOf(name: string, owner?: string): string;
}

const CreatePersonalSchema = z.object({
  userId: z.number().int(),
  name: z.string().min(1),
  scopes: z.array(z.enum(GITLAB_PERSONAL_SCOPES)).min(1).optional(),
  description: z.string().optional(),
  expiresAt: z.string().optional(),
});
const RevokeSchema = z.object({ tokenId: z.number().int() });

const DASHBOARD_DEFAULT_DAYS = 30;

/** Dashboard actions answer the framework's `{message}` errors, whatever rule refused them. */
function asSimError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof GitlabError)) throw error;
    const { message, error: reason } = error.body;
    throw new SimHttpError(error.status, message ?? reason ?? 'refused');
  }
}

/** A GitLab personal and project access token API on 127.0.0.1, under `/api/v4`. */
export async function startGitlabSim(options: GitlabSimOptions = {}): Promise<GitlabSim> {
  const clock = createSimClock(options.clockOffsetMs ?? 0);
  const state = new GitlabState(clock, options);
  const auth = new GitlabAuth(state);
  const ci = options.ci === undefined ? null : new GitlabCiState(clock, options.ci);

  const dashboard: GitlabDashboard = {
    createPersonalToken: (input) =>
      asSimError(() => {
        const user = state.findUser(input.userId);
        if (user === undefined || user.bot !== null) throw notFound('User');
        const token = state.createToken({
          userId: user.id,
          name: input.name,
          description: input.description ?? null,
          scopes: input.scopes ?? ['api'],
          expiresAt: state.expiryFrom(input.expiresAt, DASHBOARD_DEFAULT_DAYS),
        });
        return { ...state.personalEntity(token), token: token.secret };
      }),
    createProjectToken: (input) =>
      asSimError(() => {
        const project = state.findProject(String(input.project));
        if (project === undefined) throw notFound('Project');
        const bot = state.addBotUser(project, input.accessLevel ?? MAINTAINER);
        const token = state.createToken({
          userId: bot.id,
          name: input.name,
          description: null,
          scopes: input.scopes ?? ['api'],
          expiresAt: state.expiryFrom(input.expiresAt, DASHBOARD_DEFAULT_DAYS),
        });
        return { ...state.projectEntity(token), token: token.secret };
      }),
    revokeToken: ({ tokenId }) =>
      asSimError(() => {
        const token = state.findToken(tokenId);
        if (token === undefined) throw notFound('Token');
        state.revoke(token);
      }),
  };

  const server = await startSimServer({
    name: 'gitlab',
    routes: [...gitlabRoutes(state, auth), ...(ci === null ? [] : gitlabCiRoutes(ci))],
    clock,
    ...serverKnobs(options),
    throttleHeaders: (seconds) => gitlabRateLimitHeaders(seconds, clock.now()),
    control: {
      state: () => ({
        ...state.summary(),
        tokens: state.tokens(),
        familyRevocations: state.familyRevocations,
        calls: auth.calls().slice(-50),
      }),
      actions: {
        'create-token': dashboardAction(CreatePersonalSchema, (input) =>
          dashboard.createPersonalToken(input),
        ),
        'revoke-token': dashboardAction(RevokeSchema, (input) => dashboard.revokeToken(input), {
          revoked: true,
        }),
      },
    },
  });

  return {
    ...server,
    dashboard,
    tokens: () => state.tokens(),
    ciVariable: (project, key, scope = '*') =>
      ci === null ? undefined : ci.variable(project, key, scope),
    familyRevocations: () => state.familyRevocations,
    calls: () => auth.calls(),
    lastUseOf: (secret) => lastAcceptedUse(auth.calls(), (call) => call.secret, secret),
    secretOf(name, owner) {
      const token = state
        .tokens()
        .find(
          (item) =>
            !item.revoked &&
            item.name === name &&
            (owner === undefined || item.username === owner || item.projectPath === owner),
        );
      if (token === undefined) throw new Error(`no live GitLab token named ${name}`);
      return token.secret;
    },
  };
}
