import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export function publishHandlers(
  core: Core,
): Pick<
  HandlerTable,
  | 'publish:list'
  | 'publish:add'
  | 'publish:remove'
  | 'publish:run'
  | 'publish:check'
  | 'publish:again'
> {
  return {
    'publish:list': ({ accountId, tokenId }) => core.publishing.list(accountId, tokenId),
    'publish:add': ({ accountId, tokenId, target }) =>
      core.publishing.add(accountId, tokenId, target),
    'publish:remove': async ({ accountId, tokenId, targetId }) => {
      await core.publishing.remove(accountId, tokenId, targetId);
      return { removed: true };
    },
    'publish:run': ({ accountId, tokenId, targetIds }) =>
      core.publishing.run(accountId, tokenId, targetIds),
    'publish:check': async () => ({ drifted: await core.drift.checkAll() }),
    'publish:again': ({ accountId, tokenId }) => core.drift.publishAgain(accountId, tokenId),
  };
}
