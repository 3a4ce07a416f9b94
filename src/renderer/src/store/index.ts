import { create } from 'zustand';
import { createAccountsSlice } from './accounts.slice';
import { createAppSlice } from './app.slice';
import { createAttentionSlice } from './attention.slice';
import { createNoticesSlice } from './notices.slice';
import { createPublishSlice } from './publish.slice';
import { createRotationSlice } from './rotation.slice';
import { createRulesSlice } from './rules.slice';
import type { StoreState } from './store.types';
import { createTokensSlice } from './tokens.slice';
import { createUiSlice } from './ui.slice';

export type { StoreState } from './store.types';

/** One store, one slice per domain. Holds metadata and UI state only: never a secret. */
export const useStore = create<StoreState>()((...args) => ({
  ...createAppSlice(...args),
  ...createAccountsSlice(...args),
  ...createTokensSlice(...args),
  ...createUiSlice(...args),
  ...createAttentionSlice(...args),
  ...createRotationSlice(...args),
  ...createPublishSlice(...args),
  ...createRulesSlice(...args),
  ...createNoticesSlice(...args),
}));
