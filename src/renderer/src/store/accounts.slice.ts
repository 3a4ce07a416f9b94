import type { Account, ProviderInfo } from '../../../shared/model';
import { call } from '../lib/api';
import type { SliceCreator } from './store.types';

export interface AccountsSlice {
  providers: ProviderInfo[];
  accounts: Account[];
  loadProviders: () => Promise<void>;
  loadAccounts: () => Promise<void>;
  /** After main has registered the account: show it, select it, fetch its tokens. */
  accountAdded: (account: Account) => void;
}

export const createAccountsSlice: SliceCreator<AccountsSlice> = (set, get) => ({
  providers: [],
  accounts: [],

  loadProviders: async () => {
    const providers = await call((api) => api.providers.list());
    set({ providers });
  },

  loadAccounts: async () => {
    const accounts = await call((api) => api.accounts.list());
    set({ accounts });
  },

  accountAdded: (account) => {
    set((state) => ({
      accounts: [...state.accounts.filter((a) => a.id !== account.id), account],
    }));
    get().selectAccount(account.id);
    void get().refresh(account.id);
  },
});
