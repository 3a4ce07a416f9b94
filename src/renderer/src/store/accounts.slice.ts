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
  /** Main checks the new credential with the service before it replaces the old one. */
  setCredential: (accountId: string, credential: string) => Promise<void>;
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

  setCredential: async (accountId, credential) => {
    await call((api) => api.accounts.setCredential({ accountId, credential }));
    // The account's error (an expired session, say) goes once its list is fetched again.
    void get().refresh(accountId);
  },
});
