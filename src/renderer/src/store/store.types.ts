import type { StateCreator } from 'zustand';
import type { AccountsSlice } from './accounts.slice';
import type { AppSlice } from './app.slice';
import type { AttentionSlice } from './attention.slice';
import type { NoticesSlice } from './notices.slice';
import type { PublishSlice } from './publish.slice';
import type { RotationSlice } from './rotation.slice';
import type { RulesSlice } from './rules.slice';
import type { TokensSlice } from './tokens.slice';
import type { UiSlice } from './ui.slice';

/** Every slice sees the combined state, so an action can read or update its neighbours. */
export type StoreState = AppSlice &
  AccountsSlice &
  TokensSlice &
  UiSlice &
  AttentionSlice &
  RotationSlice &
  PublishSlice &
  RulesSlice &
  NoticesSlice;

export type SliceCreator<Slice> = StateCreator<StoreState, [], [], Slice>;
