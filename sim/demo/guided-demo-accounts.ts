import {
  DEMO_PODSTACK_ACCOUNT,
  DEMO_PODSTACK_FULL_ACCOUNT,
  demoPodstackSeed,
} from '../podstack/podstack-seeds';
import { newPodstackToken } from '../podstack/podstack-token';
import { startPodstackSim, type PodstackSim } from '../podstack/podstack.sim';
import {
  DEMO_TERASWITCH_CLIENT_PROJECTS,
  DEMO_TERASWITCH_DATA_PROJECT,
  DEMO_TERASWITCH_PROJECT,
  demoTeraswitchAgencySeed,
  demoTeraswitchSeed,
} from '../teraswitch/teraswitch-seeds';
import { newTeraswitchSecret, newTeraswitchTokenId } from '../teraswitch/teraswitch-token';
import { startTeraswitchSim, type TeraswitchSim } from '../teraswitch/teraswitch.sim';
import type { SimServer } from '../common/sim-types';
import type { DemoAccount } from './demo-services';

type Tracked = NonNullable<DemoAccount['tracked']>[number];

/** A Podstack token as the user pastes it, with the project and the lifetime chosen for it. */
function podstackToken(sim: PodstackSim, account: string, name: string, project: string): Tracked {
  const token = sim.tokens().find((t) => t.name === name && t.accountId === account);
  if (token === undefined) throw new Error(`demo: no Podstack token ${name}`);
  return {
    name,
    secret: token.secret,
    project,
    createdAt: token.createdAt,
    ...(token.expiresAt === null ? {} : { expiresAt: token.expiresAt }),
  };
}

function teraswitchToken(
  sim: TeraswitchSim,
  displayName: string,
  project: number,
  role: 'Owner' | 'Accounting',
): Tracked {
  return {
    name: displayName,
    secret: sim.secretOf(displayName, project),
    project: `${project}`,
    role,
  };
}

/**
 * Podstack and TeraSwitch, two accounts each with tokens in two projects: Podstack's ML team
 * account (one token expiring in 3 days) and its research account at the 5-token limit; a
 * TeraSwitch account with one token per application and an agency's account with two clients.
 */
export async function startGuidedDemo(): Promise<{ sims: SimServer[]; accounts: DemoAccount[] }> {
  const podstack = await startPodstackSim(demoPodstackSeed(newPodstackToken()));
  const known = { tokenId: newTeraswitchTokenId(), secret: newTeraswitchSecret() };
  const teraswitch = await startTeraswitchSim(demoTeraswitchSeed(known));
  const agency = await startTeraswitchSim(demoTeraswitchAgencySeed());
  const [bakery, clinic] = DEMO_TERASWITCH_CLIENT_PROJECTS;
  const ml = (name: string, project: string) =>
    podstackToken(podstack, DEMO_PODSTACK_ACCOUNT, name, project);
  const research = (name: string, project: string) =>
    podstackToken(podstack, DEMO_PODSTACK_FULL_ACCOUNT, name, project);
  const accounts: DemoAccount[] = [
    {
      provider: 'podstack',
      label: 'Podstack ML team (demo)',
      baseUrl: podstack.apiBase,
      settings: {},
      tracked: [
        ml('Laptop CLI', 'proj-training'),
        ml('CI Pipeline', 'proj-inference'),
        ml('JupyterHub', 'proj-training'),
      ],
    },
    {
      provider: 'podstack',
      label: 'Podstack research (demo)',
      baseUrl: podstack.apiBase,
      settings: {},
      tracked: [
        research('Grafana export', 'proj-research'),
        research('Nightly eval', 'proj-research'),
        research('Staging deploy', 'proj-sandbox'),
        research('Notebook', 'proj-sandbox'),
        research('Old migration', 'proj-research'),
      ],
    },
    {
      provider: 'teraswitch',
      label: 'TeraSwitch (demo)',
      baseUrl: teraswitch.apiBase,
      settings: {},
      tracked: [
        teraswitchToken(teraswitch, 'tokendesk-laptop', DEMO_TERASWITCH_PROJECT, 'Owner'),
        teraswitchToken(teraswitch, 'github-actions-ci', DEMO_TERASWITCH_PROJECT, 'Owner'),
        teraswitchToken(teraswitch, 'billing-export', DEMO_TERASWITCH_PROJECT, 'Accounting'),
        teraswitchToken(teraswitch, 'jupyter-gpu', DEMO_TERASWITCH_DATA_PROJECT, 'Owner'),
      ],
    },
    {
      provider: 'teraswitch',
      label: 'TeraSwitch agency (demo)',
      baseUrl: agency.apiBase,
      settings: {},
      tracked: [
        teraswitchToken(agency, 'bakery-deploy', bakery, 'Owner'),
        teraswitchToken(agency, 'agency-billing', bakery, 'Accounting'),
        teraswitchToken(agency, 'clinic-deploy', clinic, 'Owner'),
      ],
    },
  ];
  return { sims: [podstack, teraswitch, agency], accounts };
}
