import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export function tokensHandlers(
  core: Core,
): Pick<HandlerTable, 'tokens:inventory' | 'tokens:refresh' | 'tokens:create' | 'tokens:revoke'> {
  return {
    'tokens:inventory': () => core.inventory.snapshot(),
    'tokens:refresh': ({ accountId }) => core.inventory.refresh(accountId),
    'tokens:create': (args) => core.tokens.create(args),
    'tokens:revoke': async ({ accountId, tokenId }) => {
      await core.tokens.revoke(accountId, tokenId);
      return { revoked: true };
    },
  };
}
