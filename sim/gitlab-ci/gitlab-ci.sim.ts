import { z } from 'zod';
import { dashboardAction, parseBody } from '../common/sim-body';
import { createSimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { startSimServer } from '../common/sim-server';
import { serverKnobs } from '../common/sim-service-options';
import type { SimServiceOptions } from '../common/sim-service-options';
import type { SimServer } from '../common/sim-types';
import { GitlabCiError } from './gitlab-ci-errors';
import { gitlabCiRoutes } from './gitlab-ci-routes';
import { GitlabCiState } from './gitlab-ci-state';
import type { GitlabApiVariable, GitlabCiCall, GitlabCiSeed } from './gitlab-ci.types';

export interface GitlabCiSimOptions extends GitlabCiSeed, SimServiceOptions {}

export interface GitlabCiDashboard {
  /** A token the user creates in GitLab's settings: the secret, shown once. */
  createToken(input: { username: string; projects?: Record<string, number> }): { token: string };
  revokeToken(input: { token: string }): void;
  /** Settings → CI/CD → Variables → Add variable, as the user does it in the web page. */
  setVariable(input: {
    project: string;
    key: string;
    value: string;
    environmentScope?: string;
    masked?: boolean;
    protected?: boolean;
  }): GitlabApiVariable;
}

export interface GitlabCiSim extends SimServer {
  dashboard: GitlabCiDashboard;
  /** The variable of `project` (id or path) with `key` in `scope` (default `*`), value included. */
  variable(project: string, key: string, scope?: string): GitlabApiVariable | undefined;
  variables(project: string): GitlabApiVariable[];
  calls(): GitlabCiCall[];
}

const CreateTokenSchema = z.object({
  username: z.string().min(1),
  projects: z.record(z.string(), z.number().int()).optional(),
});
const RevokeSchema = z.object({ token: z.string().min(1) });
const SetVariableSchema = z.object({
  project: z.string().min(1),
  key: z.string().min(1),
  value: z.string(),
  environmentScope: z.string().optional(),
  masked: z.boolean().optional(),
  protected: z.boolean().optional(),
});

function asSimError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof GitlabCiError) throw new SimHttpError(error.status, error.message);
    if (error instanceof Error && !(error instanceof SimHttpError)) {
      throw new SimHttpError(404, error.message);
    }
    throw error;
  }
}

/** GitLab's project CI/CD variables API on 127.0.0.1, with tokens and access levels. */
export async function startGitlabCiSim(options: GitlabCiSimOptions = {}): Promise<GitlabCiSim> {
  const clock = createSimClock(options.clockOffsetMs ?? 0);
  const state = new GitlabCiState(clock, options);

  const dashboard: GitlabCiDashboard = {
    createToken: ({ username, projects }) =>
      asSimError(() => ({ token: state.addToken(username, projects ?? {}) })),
    revokeToken: ({ token }) => asSimError(() => state.revokeToken(token)),
    setVariable: (input) =>
      asSimError(() => {
        const project = state.projectForDashboard(input.project);
        const scope = input.environmentScope ?? '*';
        const fields = {
          key: input.key,
          value: input.value,
          environment_scope: scope,
          masked: input.masked,
          protected: input.protected,
        };
        return state.variable(input.project, input.key, scope) === undefined
          ? state.create(project, fields)
          : state.update(project, input.key, scope, fields);
      }),
  };

  const server = await startSimServer({
    name: 'gitlab-ci',
    routes: gitlabCiRoutes(state),
    clock,
    ...serverKnobs(options),
    control: {
      // Counts only: the state route is reachable over HTTP, so it shows no variable values.
      state: () => state.summary(),
      actions: {
        'create-token': dashboardAction(CreateTokenSchema, (input) => dashboard.createToken(input)),
        'revoke-token': dashboardAction(RevokeSchema, (input) => dashboard.revokeToken(input), {
          revoked: true,
        }),
        'set-variable': (body) => {
          const { value: _value, ...metadata } = dashboard.setVariable(
            parseBody(SetVariableSchema, body),
          );
          return metadata;
        },
      },
    },
  });

  return {
    ...server,
    dashboard,
    variable: (project, key, scope = '*') => state.variable(project, key, scope),
    variables: (project) => state.variables(project),
    calls: () => state.calls(),
  };
}
