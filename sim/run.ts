/**
 * Starts one simulator and prints one JSON line: { service, url, credentials }.
 *   tsx sim/run.ts kestra [--seed demo|empty]
 * Runs until SIGINT or SIGTERM.
 */
import { runBodhiSim } from './bodhi/bodhi-run';
import type { SimServer } from './common/sim-types';
import { runGithubSim } from './github/github-run';
import { runGitlabCiSim } from './gitlab-ci/gitlab-ci-run';
import { runGitlabSim } from './gitlab/gitlab-run';
import { runKestraSim } from './kestra/kestra-run';
import { runPodstackSim } from './podstack/podstack-run';
import { runTeraswitchSim } from './teraswitch/teraswitch-run';

interface Started {
  sim: SimServer;
  credentials: Record<string, string>;
}

type Starter = (seed: string) => Promise<Started>;

const starters: Record<string, Starter> = {
  kestra: runKestraSim,
  gitlab: runGitlabSim,
  bodhi: runBodhiSim,
  podstack: runPodstackSim,
  teraswitch: runTeraswitchSim,
  // Publish targets rather than token services: where a rotated token is copied to.
  github: runGithubSim,
  'gitlab-ci': runGitlabCiSim,
};

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: tsx sim/run.ts <${Object.keys(starters).join('|')}> [--seed demo|empty]\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const [service, ...rest] = process.argv.slice(2);
  if (service === undefined) usage('Which simulator?');
  const start = starters[service];
  if (start === undefined) usage(`Unknown simulator "${service}".`);
  let seed = 'demo';
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] !== '--seed') usage(`Unknown argument "${rest[i] ?? ''}".`);
    seed = rest[i + 1] ?? usage('--seed needs a value');
  }
  if (seed !== 'demo' && seed !== 'empty') usage(`Unknown seed "${seed}".`);

  const { sim, credentials } = await start(seed);
  process.stdout.write(`${JSON.stringify({ service, url: sim.url, credentials })}\n`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
