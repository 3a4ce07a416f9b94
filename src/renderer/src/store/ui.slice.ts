import type { ProviderKind, TokenStatus } from '../../../shared/model';
import type { TokenSort } from '../lib/token-filters';
import type { SliceCreator } from './store.types';

export type DialogState =
  | { kind: 'add-account' }
  | { kind: 'set-credential'; accountId: string }
  | { kind: 'create-token'; accountId: string }
  | { kind: 'track-token'; accountId: string }
  | { kind: 'revoke-token'; accountId: string; tokenId: string }
  | { kind: 'forget-token'; accountId: string; tokenId: string }
  | { kind: 'rename-token'; accountId: string; tokenId: string }
  | { kind: 'import' }
  | { kind: 'rotation'; rotationId: string }
  | { kind: 'rotations' }
  | { kind: 'publish'; accountId: string; tokenId: string }
  | { kind: 'replace-token'; accountId: string; tokenId: string; mode: 'rotate' | 'replacement' };

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

/** The toolbar's selects; the account is chosen in the sidebar and the text in the search box. */
export interface ListFilters {
  service: ProviderKind | null;
  project: string | null;
  status: TokenStatus | null;
}

export interface UiSlice {
  /** null shows every account. */
  selectedAccountId: string | null;
  filterText: string;
  filters: ListFilters;
  sortBy: TokenSort;
  dialog: DialogState | null;
  notice: Notice | null;
  selectAccount: (accountId: string | null) => void;
  setFilterText: (text: string) => void;
  setFilters: (patch: Partial<ListFilters>) => void;
  setSortBy: (sort: TokenSort) => void;
  openDialog: (dialog: DialogState) => void;
  closeDialog: () => void;
  showNotice: (notice: Notice) => void;
  dismissNotice: () => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  selectedAccountId: null,
  filterText: '',
  filters: { service: null, project: null, status: null },
  sortBy: 'name',
  dialog: null,
  notice: null,
  // Choosing an account means "show me its tokens", whichever view was open.
  selectAccount: (selectedAccountId) => set({ selectedAccountId, view: 'tokens' }),
  setFilterText: (filterText) => set({ filterText }),
  setFilters: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
  setSortBy: (sortBy) => set({ sortBy }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
