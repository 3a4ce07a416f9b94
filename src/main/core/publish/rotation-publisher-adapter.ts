import type { RotationPublisher } from '../rotation/rotation-publisher';
import type { PublishService } from './publish.service';
import { targetLabel } from './target-spec';

/** The rotation engine's port, served by the publish service: targets by the user's names. */
export function asRotationPublisher(publishing: PublishService): RotationPublisher {
  return {
    async targets(accountId, tokenId) {
      const bindings = await publishing.list(accountId, tokenId);
      return bindings.map((binding) => ({
        targetId: binding.id,
        label: targetLabel(binding.target),
        kind: binding.target.kind,
      }));
    },
    async write(ref, secret) {
      const result = await publishing.publishTo(ref, secret);
      if (result.ok || result.error === null) return { ok: true };
      return { ok: false, mayHaveChanged: result.mayHaveChanged, error: result.error };
    },
    rebind: (accountId, oldTokenId, newTokenId) =>
      publishing.rebind(accountId, oldTokenId, newTokenId),
  };
}
