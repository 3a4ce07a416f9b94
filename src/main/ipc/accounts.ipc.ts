import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export function accountsHandlers(
  core: Core,
): Pick<
  HandlerTable,
  'accounts:list' | 'accounts:add' | 'accounts:setCredential' | 'accounts:remove'
> {
  return {
    'accounts:list': () => core.accounts.list(),
    'accounts:add': (args) => core.accounts.add(args),
    'accounts:setCredential': ({ accountId, credential }) =>
      core.accounts.setCredential(accountId, credential),
    'accounts:remove': async ({ accountId }) => {
      await core.accounts.remove(accountId);
      return { removed: true };
    },
  };
}
