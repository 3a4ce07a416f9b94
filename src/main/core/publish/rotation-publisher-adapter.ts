import type { RotationPublisher } from '../rotation/rotation-publisher';
import type { Publisher } from './publisher';

/**
 * The rotation engine's port as it stands (its outcome carries the error as text, without
 * `verifiedAt`), served by a Publisher. Drop this once rotation takes PublishResult as is.
 */
export function asRotationPublisher(publisher: Publisher): RotationPublisher {
  return {
    async publish(input) {
      const results = await publisher.publish(input);
      return results.map(({ targetId, ok, error }) =>
        error === null ? { targetId, ok } : { targetId, ok, error: error.message },
      );
    },
    rebind: (accountId, oldTokenId, newTokenId) =>
      publisher.rebind(accountId, oldTokenId, newTokenId),
  };
}
