import type {
  PublishBinding,
  PublishTargetInput,
  PublishTargetResult,
} from '../../../shared/model';
import { call } from '../lib/api';
import { tokenKey } from '../lib/token-key';
import type { SliceCreator } from './store.types';
import type { TokenRef } from './tokens.slice';

export interface PublishSlice {
  /** Each token's publish targets as last listed, keyed by `accountId/tokenId`. No secrets. */
  bindings: Record<string, PublishBinding[]>;
  /** Rejects with an AppError for the panel to show. */
  loadBindings: (ref: TokenRef) => Promise<void>;
  addBinding: (ref: TokenRef, target: PublishTargetInput) => Promise<PublishBinding>;
  removeBinding: (ref: TokenRef, targetId: string) => Promise<void>;
  /** Publishes now; the per-target outcomes, each read back by main, also land in the list. */
  runPublish: (ref: TokenRef, targetIds?: string[]) => Promise<PublishTargetResult[]>;
}

export const createPublishSlice: SliceCreator<PublishSlice> = (set, get) => {
  const put = (ref: TokenRef, list: PublishBinding[]): void => {
    set((state) => ({ bindings: { ...state.bindings, [tokenKey(ref)]: list } }));
  };
  const current = (ref: TokenRef): PublishBinding[] => get().bindings[tokenKey(ref)] ?? [];

  return {
    bindings: {},

    loadBindings: async (ref) => {
      put(ref, await call((api) => api.publish.list(ref)));
    },

    addBinding: async (ref, target) => {
      const binding = await call((api) => api.publish.add({ ...ref, target }));
      put(ref, [...current(ref).filter((b) => b.id !== binding.id), binding]);
      return binding;
    },

    removeBinding: async (ref, targetId) => {
      await call((api) => api.publish.remove({ ...ref, targetId }));
      put(
        ref,
        current(ref).filter((b) => b.id !== targetId),
      );
    },

    runPublish: async (ref, targetIds) => {
      const results = await call((api) =>
        api.publish.run(targetIds === undefined ? ref : { ...ref, targetIds }),
      );
      const byId = new Map(results.map((result) => [result.targetId, result]));
      // The outcome as main recorded it: `at` is when it was read back, or now for a failure.
      const now = new Date().toISOString();
      put(
        ref,
        current(ref).map((binding) => {
          const result = byId.get(binding.id);
          if (result === undefined) return binding;
          const { targetId: _id, ...rest } = result;
          return { ...binding, lastResult: { ...rest, at: result.verifiedAt ?? now } };
        }),
      );
      return results;
    },
  };
};
