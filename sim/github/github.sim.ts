import { z } from 'zod';
import { dashboardAction } from '../common/sim-body';
import { createSimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { startSimServer } from '../common/sim-server';
import { serverKnobs } from '../common/sim-service-options';
import type { SimServiceOptions } from '../common/sim-service-options';
import type { SimServer } from '../common/sim-types';
import { sodiumReady } from './github-keys';
import { githubRoutes } from './github-routes';
import { GithubState } from './github-state';
import type {
  GithubCall,
  GithubSecretView,
  GithubSeed,
  GithubTokenView,
  RepoAccess,
} from './github.types';

export interface GithubSimOptions extends GithubSeed, SimServiceOptions {}

export interface GithubDashboard {
  /** Settings → Developer settings → Personal access tokens → Generate: the secret, shown once. */
  createToken(input: { login: string; repos?: Record<string, RepoAccess> }): { token: string };
  /** "Delete" in the token list: the token fails with 401 from now on. */
  revokeToken(input: { token: string }): void;
  /** Repository settings → Environments → New environment. */
  addEnvironment(input: { repo: string; name: string }): void;
}

export interface GithubSim extends SimServer {
  dashboard: GithubDashboard;
  /** The plaintext GitHub decrypted for a secret, or undefined when there is no such secret. */
  secretValue(repo: string, name: string, environment?: string): string | undefined;
  /** The secret with its timestamps, plaintext included. */
  secret(repo: string, name: string, environment?: string): GithubSecretView | undefined;
  /** Every secret of every repository and environment, plaintext included. */
  secrets(): GithubSecretView[];
  tokens(): GithubTokenView[];
  /** Every request to a service route, with the token it presented and whether it was accepted. */
  calls(): GithubCall[];
}

const CreateTokenSchema = z.object({
  login: z.string().min(1),
  repos: z.record(z.string(), z.enum(['read', 'write', 'admin'])).optional(),
});
const RevokeSchema = z.object({ token: z.string().min(1) });
const EnvironmentSchema = z.object({ repo: z.string().min(1), name: z.string().min(1) });

function asSimError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && !(error instanceof SimHttpError)) {
      throw new SimHttpError(404, error.message);
    }
    throw error;
  }
}

/** GitHub's user and Actions secrets API on 127.0.0.1, with real libsodium key pairs. */
export async function startGithubSim(options: GithubSimOptions = {}): Promise<GithubSim> {
  await sodiumReady();
  const clock = createSimClock(options.clockOffsetMs ?? 0);
  const state = new GithubState(clock, options);

  const dashboard: GithubDashboard = {
    createToken: ({ login, repos }) => ({ token: state.addToken(login, repos ?? {}) }),
    revokeToken: ({ token }) => asSimError(() => state.revokeToken(token)),
    addEnvironment: ({ repo, name }) => {
      asSimError(() => state.addEnvironment(repo, name));
    },
  };

  const server = await startSimServer({
    name: 'github',
    routes: githubRoutes(state),
    clock,
    ...serverKnobs(options),
    control: {
      // Metadata only: the state route is reachable over HTTP, so it shows no plaintext.
      state: () => ({
        ...state.summary(),
        secrets: state.allSecrets().map(({ value: _value, ...metadata }) => metadata),
        tokens: state.tokenViews().map(({ secret: _secret, ...token }) => token),
      }),
      actions: {
        'create-token': dashboardAction(CreateTokenSchema, (input) => dashboard.createToken(input)),
        'revoke-token': dashboardAction(RevokeSchema, (input) => dashboard.revokeToken(input), {
          revoked: true,
        }),
        'add-environment': dashboardAction(
          EnvironmentSchema,
          (input) => dashboard.addEnvironment(input),
          {
            added: true,
          },
        ),
      },
    },
  });

  const find = (repo: string, name: string, environment?: string) =>
    state.secretView(repo, name, environment ?? null);
  return {
    ...server,
    dashboard,
    secretValue: (repo, name, environment) => find(repo, name, environment)?.value,
    secret: find,
    secrets: () => state.allSecrets(),
    tokens: () => state.tokenViews(),
    calls: () => state.calls(),
  };
}
