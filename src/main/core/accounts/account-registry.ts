import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  AccountSchema,
  type Account,
  type ProviderKind,
  type RotationMode,
} from '../../../shared/model';
import type { Clock } from '../clock';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

const AccountsFileSchema = z.object({ version: z.literal(1), accounts: z.array(AccountSchema) });
type AccountsFile = z.infer<typeof AccountsFileSchema>;

export interface NewAccount {
  provider: ProviderKind;
  label: string;
  baseUrl: string;
  settings: Record<string, string>;
  mode: RotationMode;
  tokenPageUrl: string | null;
}

/** The accounts the user added: metadata only. Credentials live in the keychain. */
export class AccountRegistry {
  private readonly file: JsonDocument<AccountsFile>;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    onRecovered?: (notice: RecoveryNotice) => void,
  ) {
    this.file = new JsonDocument(
      join(dataDir, 'accounts.json'),
      AccountsFileSchema,
      () => ({ version: 1, accounts: [] }),
      onRecovered,
    );
  }

  async list(): Promise<Account[]> {
    return (await this.file.read()).accounts;
  }

  async get(accountId: string): Promise<Account> {
    const account = (await this.list()).find((candidate) => candidate.id === accountId);
    if (!account) throw new AppError('NOT_FOUND', 'That account no longer exists in TokenDesk.');
    return account;
  }

  /** A fresh id, so the caller can put the credential in the keychain before saving. */
  newId(): string {
    return randomUUID();
  }

  async add(accountId: string, fields: NewAccount): Promise<Account> {
    const account: Account = {
      id: accountId,
      ...fields,
      createdAt: this.clock.now().toISOString(),
    };
    await this.file.update((current) => ({
      ...current,
      accounts: [...current.accounts, account],
    }));
    return account;
  }

  async remove(accountId: string): Promise<void> {
    await this.get(accountId);
    await this.file.update((current) => ({
      ...current,
      accounts: current.accounts.filter((account) => account.id !== accountId),
    }));
  }
}
