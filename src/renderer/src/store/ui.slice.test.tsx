import { describe, expect, it } from 'vitest';
import { account } from '../test/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();

describe('ui slice', () => {
  it('tracks the open dialog, selection and filter text', () => {
    state().openDialog({ kind: 'revoke-token', accountId: 'a', tokenId: 't' });
    expect(state().dialog).toEqual({ kind: 'revoke-token', accountId: 'a', tokenId: 't' });
    state().closeDialog();
    expect(state().dialog).toBeNull();

    state().selectAccount('a');
    state().setFilterText('ci');
    expect(state().selectedAccountId).toBe('a');
    expect(state().filterText).toBe('ci');
  });

  it('selects an account once it is added', () => {
    state().accountAdded(account({ id: 'acc-new' }));
    expect(state().selectedAccountId).toBe('acc-new');
    expect(state().accounts.map((a) => a.id)).toEqual(['acc-new']);
  });

  it('resets to the initial state between tests', () => {
    expect(state().selectedAccountId).toBeNull();
    expect(state().dialog).toBeNull();
    expect(state().accounts).toEqual([]);
  });

  it('keeps the list filters and sort order', () => {
    expect(state().filters).toEqual({ service: null, project: null, status: null });
    expect(state().sortBy).toBe('name');
    state().setFilters({ service: 'podstack' });
    state().setFilters({ status: 'expired' });
    state().setSortBy('expires');
    expect(state().filters).toEqual({ service: 'podstack', project: null, status: 'expired' });
    expect(state().sortBy).toBe('expires');
  });
});
