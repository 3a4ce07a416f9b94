import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export function secretsHandlers(core: Core): Pick<HandlerTable, 'secrets:copy'> {
  return {
    'secrets:copy': ({ accountId, tokenId }) => core.secrets.copy(accountId, tokenId),
  };
}
