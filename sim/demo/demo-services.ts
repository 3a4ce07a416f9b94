import type { ProviderKind } from '../../src/shared/model';
import { DEMO_BODHI_USER, demoBodhiLaptopSeed, demoBodhiSeed } from '../bodhi/bodhi-seeds';
import { DEFAULT_CLIENT_ID } from '../bodhi/bodhi-state';
import { newBodhiToken } from '../bodhi/bodhi-token-format';
import { startBodhiSim } from '../bodhi/bodhi.sim';
import type { SimServer } from '../common/sim-types';
import { demoGitlabSeed } from '../gitlab/gitlab-seeds';
import { newGitlabSecret } from '../gitlab/gitlab-state';
import { startGitlabSim } from '../gitlab/gitlab.sim';
import { DEMO_TENANT, DEMO_USER, demoKestraSeed } from '../kestra/kestra-seeds';
import { newKestraSecret } from '../kestra/kestra-state';
import { startKestraSim } from '../kestra/kestra.sim';
import { startGuidedDemo } from './guided-demo-accounts';

/** An account as the user would add it, pointing at a running simulator. */
export interface DemoAccount {
  provider: ProviderKind;
  label: string;
  baseUrl: string;
  settings: Record<string, string>;
  credential?: string;
  /** Tokens of a guided account, as the user would paste them. */
  tracked?: Array<{
    name: string;
    secret: string;
    project?: string;
    role?: string;
    createdAt?: string;
    expiresAt?: string;
  }>;
}

export interface DemoServices {
  accounts: DemoAccount[];
  close(): Promise<void>;
}

/** Every simulator with its demo seed, and the accounts that show them off. */
export async function startDemoServices(): Promise<DemoServices> {
  const sims: SimServer[] = [];
  const accounts: DemoAccount[] = [];

  const kestraToken = newKestraSecret();
  const kestra = await startKestraSim(demoKestraSeed(kestraToken));
  sims.push(kestra);
  accounts.push({
    provider: 'kestra',
    label: 'Kestra (demo)',
    baseUrl: kestra.url,
    settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
    credential: kestraToken,
  });

  // GitLab: one instance, managed as Alice's personal tokens and as a project's tokens.
  const gitlabToken = newGitlabSecret();
  const gitlab = await startGitlabSim(demoGitlabSeed(gitlabToken));
  sims.push(gitlab);
  accounts.push(
    {
      provider: 'gitlab',
      label: 'GitLab personal (demo)',
      baseUrl: gitlab.url,
      settings: { tokenType: 'personal', scopes: 'api' },
      credential: gitlabToken,
    },
    {
      provider: 'gitlab',
      label: 'GitLab acme/web (demo)',
      baseUrl: gitlab.url,
      settings: { tokenType: 'project', project: 'acme/web', role: 'Developer' },
      credential: gitlabToken,
    },
  );

  // Bodhi: one app managed with a logged-in session, one guided with tracked tokens.
  const bodhi = await startBodhiSim(
    demoBodhiSeed(newBodhiToken(DEFAULT_CLIENT_ID), DEFAULT_CLIENT_ID),
  );
  sims.push(bodhi);
  accounts.push({
    provider: 'bodhi',
    label: 'Bodhi server (demo)',
    baseUrl: bodhi.url,
    settings: {},
    credential: bodhi.sessionCookieFor(DEMO_BODHI_USER),
  });
  const laptopSecrets = {
    notes: newBodhiToken(DEFAULT_CLIENT_ID),
    editor: newBodhiToken(DEFAULT_CLIENT_ID),
  };
  const bodhiLaptop = await startBodhiSim(demoBodhiLaptopSeed(laptopSecrets, DEFAULT_CLIENT_ID));
  sims.push(bodhiLaptop);
  accounts.push({
    provider: 'bodhi',
    label: 'Bodhi laptop (demo)',
    baseUrl: bodhiLaptop.url,
    settings: {},
    tracked: [
      { name: 'notes-cli', secret: laptopSecrets.notes },
      { name: 'editor-plugin', secret: laptopSecrets.editor },
    ],
  });

  // Podstack and TeraSwitch: two accounts each, tokens in two projects.
  const guided = await startGuidedDemo();
  sims.push(...guided.sims);
  accounts.push(...guided.accounts);

  return {
    accounts,
    close: async () => {
      await Promise.all(sims.map((sim) => sim.close()));
    },
  };
}
