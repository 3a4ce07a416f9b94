import type { AccountInventory, TokenInfo } from '../../../shared/model';
import { attempt, call } from '../lib/api';
import type { SliceCreator } from './store.types';

export interface TokenRef {
  accountId: string;
  tokenId: string;
}

export interface TokensSlice {
  /** The latest inventory main reported, keyed by account id. Metadata only, never a secret. */
  inventory: Record<string, AccountInventory>;
  /** Refresh calls in flight; a count because the toolbar and a new account can overlap. */
  pendingRefreshes: number;
  /** The refresh call itself failed (per-account failures arrive inside the inventory). */
  refreshError: string | null;
  loadInventory: () => Promise<void>;
  applyInventory: (entries: AccountInventory | AccountInventory[]) => void;
  refresh: (accountId?: string) => Promise<void>;
  /** Takes the created token's metadata only: the secret stays with the create dialog. */
  tokenCreated: (token: TokenInfo) => void;
  /** Tokens tracked or imported: metadata only, like `tokenCreated`. */
  tokensAdded: (tokens: TokenInfo[]) => void;
  /** Rejects with an AppError for the confirmation dialog to show. */
  revokeToken: (ref: TokenRef) => Promise<void>;
  /** Stops tracking a guided token; rejects with an AppError for the dialog to show. */
  forgetToken: (ref: TokenRef) => Promise<void>;
  /** Rejects with an AppError for the rename dialog to show. */
  renameToken: (ref: TokenRef, name: string) => Promise<void>;
  /** Switches a token on or off at the service and says how it went in a notice. */
  setTokenStatus: (
    ref: TokenRef,
    tokenName: string,
    status: 'active' | 'inactive',
  ) => Promise<void>;
  /** Checks the stored secret against the service and says how it went in a notice. */
  verifyToken: (ref: TokenRef, tokenName: string) => Promise<void>;
  copySecret: (ref: TokenRef, tokenName: string) => Promise<void>;
}

function updateTokens(
  inventory: Record<string, AccountInventory>,
  accountId: string,
  change: (tokens: TokenInfo[]) => TokenInfo[],
): Record<string, AccountInventory> {
  const entry = inventory[accountId];
  if (entry === undefined) return inventory;
  return { ...inventory, [accountId]: { ...entry, tokens: change(entry.tokens) } };
}

export const createTokensSlice: SliceCreator<TokensSlice> = (set, get) => ({
  inventory: {},
  pendingRefreshes: 0,
  refreshError: null,

  loadInventory: async () => {
    const entries = await call((api) => api.tokens.inventory());
    const cached = Object.fromEntries(entries.map((e) => [e.accountId, e]));
    // An entry pushed while this call was in flight is newer than the cache it read.
    set((state) => ({ inventory: { ...cached, ...state.inventory } }));
  },

  applyInventory: (entries) => {
    const list = Array.isArray(entries) ? entries : [entries];
    set((state) => {
      const inventory = { ...state.inventory };
      for (const entry of list) inventory[entry.accountId] = entry;
      return { inventory };
    });
  },

  refresh: async (accountId) => {
    set((state) => ({ pendingRefreshes: state.pendingRefreshes + 1, refreshError: null }));
    const outcome = await attempt((api) =>
      api.tokens.refresh(accountId === undefined ? {} : { accountId }),
    );
    if (outcome.ok) get().applyInventory(outcome.value);
    set((state) => ({
      pendingRefreshes: state.pendingRefreshes - 1,
      refreshError: outcome.ok ? state.refreshError : outcome.error.message,
    }));
  },

  tokenCreated: (token) => get().tokensAdded([token]),

  tokensAdded: (added) => {
    set((state) => {
      let inventory = state.inventory;
      for (const token of added) {
        inventory = updateTokens(inventory, token.accountId, (tokens) => [
          ...tokens.filter((t) => t.id !== token.id),
          token,
        ]);
      }
      return { inventory };
    });
  },

  revokeToken: async ({ accountId, tokenId }) => {
    await call((api) => api.tokens.revoke({ accountId, tokenId }));
    set((state) => ({
      inventory: updateTokens(state.inventory, accountId, (tokens) =>
        tokens.filter((t) => t.id !== tokenId),
      ),
    }));
  },

  forgetToken: async ({ accountId, tokenId }) => {
    await call((api) => api.tokens.forget({ accountId, tokenId }));
    set((state) => ({
      inventory: updateTokens(state.inventory, accountId, (tokens) =>
        tokens.filter((t) => t.id !== tokenId),
      ),
    }));
  },

  renameToken: async (ref, name) => {
    await call((api) => api.tokens.rename({ ...ref, name }));
    set((state) => ({
      inventory: updateTokens(state.inventory, ref.accountId, (tokens) =>
        tokens.map((t) => (t.id === ref.tokenId ? { ...t, name } : t)),
      ),
    }));
  },

  setTokenStatus: async (ref, tokenName, status) => {
    const outcome = await attempt((api) => api.tokens.setStatus({ ...ref, status }));
    if (!outcome.ok) {
      get().showNotice({ tone: 'error', text: outcome.error.message });
      return;
    }
    set((state) => ({
      inventory: updateTokens(state.inventory, ref.accountId, (tokens) =>
        tokens.map((t) => (t.id === ref.tokenId ? { ...t, status } : t)),
      ),
    }));
    get().showNotice({
      tone: 'info',
      text:
        status === 'active'
          ? `Activated ${tokenName}.`
          : `Deactivated ${tokenName}: it stops working until you activate it again.`,
    });
  },

  verifyToken: async (ref, tokenName) => {
    // A check can take a few seconds against a slow service; say that it is under way.
    get().showNotice({ tone: 'info', text: `Checking ${tokenName}…` });
    const outcome = await attempt((api) => api.tokens.verify(ref));
    if (!outcome.ok) {
      get().showNotice({ tone: 'error', text: outcome.error.message });
      return;
    }
    const { works, checkedAt, problem } = outcome.value;
    if (works) {
      set((state) => ({
        inventory: updateTokens(state.inventory, ref.accountId, (tokens) =>
          tokens.map((t) => (t.id === ref.tokenId ? { ...t, lastVerifiedAt: checkedAt } : t)),
        ),
      }));
    }
    get().showNotice(
      works
        ? { tone: 'info', text: `${tokenName} works.` }
        : {
            tone: 'error',
            text: problem === null ? `${tokenName} does not work.` : problem.message,
          },
    );
  },

  copySecret: async (ref, tokenName) => {
    const info = get().appInfo;
    if (info === null) throw new Error('copySecret called before the app was ready');
    if (info.clipboard === 'page') {
      // The page could write the clipboard but never clear it again, so a stored secret
      // would linger there; only the desktop app copies with an automatic clear.
      get().showNotice({
        tone: 'info',
        text: 'Copying a stored token needs the TokenDesk desktop app, which clears the clipboard afterwards.',
      });
      return;
    }
    const outcome = await attempt((api) => api.secrets.copy(ref));
    get().showNotice(
      outcome.ok
        ? {
            tone: 'info',
            text: `Copied ${tokenName}. The clipboard clears in ${outcome.value.clearsAfterSeconds} s.`,
          }
        : { tone: 'error', text: outcome.error.message },
    );
  },
});
