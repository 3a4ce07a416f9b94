import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export function rotationHandlers(
  core: Core,
): Pick<
  HandlerTable,
  | 'rotation:start'
  | 'rotation:list'
  | 'rotation:provideSecret'
  | 'rotation:confirmRevoked'
  | 'rotation:retry'
  | 'rotation:cancel'
  | 'rotation:reveal'
> {
  return {
    'rotation:start': ({ accountId, tokenId, expiry }) =>
      core.rotation.start(accountId, tokenId, expiry === undefined ? {} : { expiry }),
    'rotation:list': () => core.rotation.list(),
    'rotation:provideSecret': ({ rotationId, secret }) =>
      core.rotation.provideSecret(rotationId, secret),
    'rotation:confirmRevoked': ({ rotationId }) => core.rotation.confirmRevoked(rotationId),
    'rotation:retry': ({ rotationId }) => core.rotation.retry(rotationId),
    'rotation:cancel': ({ rotationId }) => core.rotation.cancel(rotationId),
    // The one rotation result that carries a secret: the create-once reveal.
    'rotation:reveal': ({ rotationId }) => core.rotation.reveal(rotationId),
  };
}
