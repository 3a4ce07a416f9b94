import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SavedAccount {
  id: string;
  label: string;
  provider: string;
}

/** The accounts the app saved in `dataDir`, read from its file as the next launch would. */
export async function savedAccounts(dataDir: string): Promise<SavedAccount[]> {
  const file = JSON.parse(await readFile(join(dataDir, 'accounts.json'), 'utf8')) as {
    accounts: SavedAccount[];
  };
  return file.accounts;
}

/** Each saved account's id by its label, e.g. to name its keychain entries. */
export async function accountIdsByLabel(dataDir: string): Promise<Record<string, string>> {
  const accounts = await savedAccounts(dataDir);
  return Object.fromEntries(accounts.map((account) => [account.label, account.id]));
}

/** The id of the one account a test added. */
export async function onlyAccountId(dataDir: string): Promise<string> {
  const [account, ...others] = await savedAccounts(dataDir);
  if (account === undefined) throw new Error('no account was saved');
  if (others.length > 0) throw new Error(`${others.length + 1} accounts were saved, not one`);
  return account.id;
}
