import type { Expiry, RotationView } from '../../../shared/model';
import { attempt, call } from '../lib/api';
import { isUnfinished } from '../lib/rotation-state';
import { refOfKey, tokenKey } from '../lib/token-key';
import type { SliceCreator } from './store.types';
import type { TokenRef } from './tokens.slice';

/** A rotation that could not even begin, for the list to say why. */
export interface RotationStartProblem {
  tokenName: string;
  message: string;
}

export interface RotationSlice {
  /** What main last reported of each rotation, keyed by rotation id. Never a secret. */
  rotations: Record<string, RotationView>;
  /** The unfinished rotation of each token it replaces or creates, by `accountId/tokenId`. */
  rotationByToken: ReadonlyMap<string, RotationView>;
  /** Tokens whose rotation is being started (the checks before the journal run on the service). */
  startingRotations: ReadonlySet<string>;
  /** The rows picked for "Rotate selected", as `accountId/tokenId`, in the order picked. */
  selectedTokens: ReadonlySet<string>;
  rotationStartProblems: RotationStartProblem[];
  loadRotations: () => Promise<void>;
  /** Takes a progress event or an action's answer; an older view never replaces a newer one. */
  applyRotation: (view: RotationView) => void;
  /** Starts one rotation and opens its progress; a refusal is shown as a notice. */
  startRotation: (ref: TokenRef, tokenName: string, expiry?: Expiry) => Promise<void>;
  /** Starts one rotation per selected row and opens the list of rotations. */
  rotateSelected: (names: Record<string, string>) => Promise<void>;
  toggleSelected: (ref: TokenRef) => void;
  clearSelection: () => void;
  /** The user's answers; each rejects with an AppError for the dialog to show. */
  provideRotationSecret: (rotationId: string, secret: string) => Promise<void>;
  confirmOldRevoked: (rotationId: string) => Promise<void>;
  retryRotation: (rotationId: string) => Promise<void>;
  cancelRotation: (rotationId: string) => Promise<void>;
}

function newer(current: RotationView | undefined, incoming: RotationView): boolean {
  return current === undefined || incoming.updatedAt >= current.updatedAt;
}

export const createRotationSlice: SliceCreator<RotationSlice> = (set, get) => {
  const upsert = (view: RotationView): void => {
    set((state) => {
      if (!newer(state.rotations[view.rotationId], view)) return state;
      const rotations = { ...state.rotations, [view.rotationId]: view };
      return { rotations, rotationByToken: indexRotations(rotations) };
    });
  };

  /** Starts without opening anything; the rotation id, or the reason it did not start. */
  const begin = async (
    ref: TokenRef,
    expiry?: Expiry,
  ): Promise<{ ok: true; rotationId: string } | { ok: false; message: string }> => {
    const key = tokenKey(ref);
    set((state) => ({ startingRotations: withKey(state.startingRotations, key) }));
    const outcome = await attempt((api) =>
      api.rotation.start(expiry === undefined ? ref : { ...ref, expiry }),
    );
    set((state) => ({ startingRotations: withoutKey(state.startingRotations, key) }));
    return outcome.ok
      ? { ok: true, rotationId: outcome.value.rotationId }
      : { ok: false, message: outcome.error.message };
  };

  return {
    rotations: {},
    rotationByToken: new Map(),
    startingRotations: new Set(),
    selectedTokens: new Set(),
    rotationStartProblems: [],

    loadRotations: async () => {
      const views = await call((api) => api.rotation.list());
      for (const view of views) upsert(view);
    },

    applyRotation: upsert,

    startRotation: async (ref, tokenName, expiry) => {
      const started = await begin(ref, expiry);
      if (!started.ok) {
        get().showNotice({ tone: 'error', text: `${tokenName}: ${started.message}` });
        return;
      }
      get().openDialog({ kind: 'rotation', rotationId: started.rotationId });
    },

    rotateSelected: async (names) => {
      const keys = [...get().selectedTokens];
      set({ selectedTokens: new Set(), rotationStartProblems: [] });
      const problems: RotationStartProblem[] = [];
      // One after another: the core checks each account's starts in turn anyway, and a
      // refusal (e.g. a full account) then names the token it is about.
      for (const key of keys) {
        const started = await begin(refOfKey(key));
        if (!started.ok) problems.push({ tokenName: names[key] ?? key, message: started.message });
      }
      set({ rotationStartProblems: problems });
      // Whatever started shows up through its events; refusals are listed on top.
      await attempt(() => get().loadRotations());
      get().openDialog({ kind: 'rotations' });
    },

    toggleSelected: (ref) => {
      const key = tokenKey(ref);
      set((state) => ({
        selectedTokens: state.selectedTokens.has(key)
          ? withoutKey(state.selectedTokens, key)
          : withKey(state.selectedTokens, key),
      }));
    },

    clearSelection: () => set({ selectedTokens: new Set() }),

    provideRotationSecret: async (rotationId, secret) => {
      upsert(await call((api) => api.rotation.provideSecret({ rotationId, secret })));
    },

    confirmOldRevoked: async (rotationId) => {
      upsert(await call((api) => api.rotation.confirmRevoked({ rotationId })));
    },

    retryRotation: async (rotationId) => {
      upsert(await call((api) => api.rotation.retry({ rotationId })));
    },

    cancelRotation: async (rotationId) => {
      upsert(await call((api) => api.rotation.cancel({ rotationId })));
    },
  };
};

/** Rotations that are not done or rolled back, oldest first: the ones that may need the user. */
export function unfinishedRotations(rotations: Record<string, RotationView>): RotationView[] {
  return Object.values(rotations)
    .filter(isUnfinished)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

function withKey(keys: ReadonlySet<string>, key: string): ReadonlySet<string> {
  return new Set([...keys, key]);
}

function withoutKey(keys: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(keys);
  next.delete(key);
  return next;
}

function indexRotations(
  rotations: Record<string, RotationView>,
): ReadonlyMap<string, RotationView> {
  const byToken = new Map<string, RotationView>();
  for (const view of Object.values(rotations)) {
    if (!isUnfinished(view)) continue;
    byToken.set(tokenKey({ accountId: view.accountId, tokenId: view.oldTokenId }), view);
    if (view.newTokenId !== null) {
      byToken.set(tokenKey({ accountId: view.accountId, tokenId: view.newTokenId }), view);
    }
  }
  return byToken;
}
