import { bodhiAdapter } from './bodhi/bodhi.adapter';
import { githubAdapter } from './github/github.adapter';
import { gitlabAdapter } from './gitlab/gitlab.adapter';
import { kestraAdapter } from './kestra/kestra.adapter';
import { podstackAdapter } from './podstack/podstack.adapter';
import type { ProviderAdapter } from './provider-adapter';
import { teraswitchAdapter } from './teraswitch/teraswitch.adapter';

/** Every service TokenDesk manages: what the app and the command line both compose. */
export const allAdapters: readonly ProviderAdapter[] = [
  kestraAdapter,
  githubAdapter,
  gitlabAdapter,
  bodhiAdapter,
  podstackAdapter,
  teraswitchAdapter,
];
