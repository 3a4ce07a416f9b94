import type { SliceCreator } from './store.types';

export type DialogState =
  | { kind: 'add-account' }
  | { kind: 'create-token'; accountId: string }
  | { kind: 'revoke-token'; accountId: string; tokenId: string };

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

export interface UiSlice {
  /** null shows every account. */
  selectedAccountId: string | null;
  filterText: string;
  dialog: DialogState | null;
  notice: Notice | null;
  selectAccount: (accountId: string | null) => void;
  setFilterText: (text: string) => void;
  openDialog: (dialog: DialogState) => void;
  closeDialog: () => void;
  showNotice: (notice: Notice) => void;
  dismissNotice: () => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  selectedAccountId: null,
  filterText: '',
  dialog: null,
  notice: null,
  selectAccount: (selectedAccountId) => set({ selectedAccountId }),
  setFilterText: (filterText) => set({ filterText }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
