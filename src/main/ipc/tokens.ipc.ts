import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export function tokensHandlers(
  core: Core,
): Pick<
  HandlerTable,
  | 'tokens:inventory'
  | 'tokens:refresh'
  | 'tokens:create'
  | 'tokens:createReplacement'
  | 'tokens:revoke'
  | 'tokens:rename'
  | 'tokens:setStatus'
  | 'tokens:track'
  | 'tokens:verify'
  | 'tokens:forget'
> {
  return {
    'tokens:inventory': () => core.inventory.snapshot(),
    'tokens:refresh': async ({ accountId }) => {
      const inventories = await core.inventory.refresh(accountId);
      // Then, without holding up the list: do the publish targets still hold what they should?
      core.drift.checkInBackground();
      return inventories;
    },
    'tokens:create': (args) => core.tokens.create(args),
    'tokens:createReplacement': ({ accountId, tokenId, expiry }) =>
      core.tokens.createReplacement(accountId, tokenId, expiry ?? null),
    'tokens:revoke': async ({ accountId, tokenId }) => {
      await core.tokens.revoke(accountId, tokenId);
      return { revoked: true };
    },
    'tokens:rename': async ({ accountId, tokenId, name }) => {
      await core.tokens.rename(accountId, tokenId, name);
      return { renamed: true };
    },
    'tokens:setStatus': async ({ accountId, tokenId, status }) => {
      await core.tokens.setStatus(accountId, tokenId, status);
      return { status };
    },
    'tokens:track': (args) => core.tracking.track(args),
    'tokens:verify': ({ accountId, tokenId }) => core.tracking.verify(accountId, tokenId),
    'tokens:forget': async ({ accountId, tokenId }) => {
      await core.tracking.forget(accountId, tokenId);
      return { forgotten: true };
    },
  };
}
