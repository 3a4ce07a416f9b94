import { expect, type Locator, type Page } from '@playwright/test';

export interface KestraAccountForm {
  label: string;
  baseUrl: string;
  userId: string;
  tenant?: string;
  credential: string;
}

/** The main window as a user sees it: every locator by role, label or test id. */
export class TokenDeskPage {
  constructor(readonly page: Page) {}

  async waitUntilReady(): Promise<void> {
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  get emptyState(): Locator {
    return this.page.getByTestId('empty-state');
  }

  rows(): Locator {
    return this.page.getByTestId('token-row');
  }

  row(tokenId: string): Locator {
    return this.page.locator(`[data-testid="token-row"][data-token-id="${tokenId}"]`);
  }

  async addKestraAccount(form: KestraAccountForm): Promise<void> {
    await this.page
      .getByRole('button', { name: /add (your first )?account/i })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Add account' });
    await dialog
      .getByLabel('Service', { exact: true })
      .selectOption({ label: 'Kestra Enterprise' });
    await dialog.getByLabel('Name', { exact: true }).fill(form.label);
    await dialog.getByLabel('Service URL').fill(form.baseUrl);
    await dialog.getByLabel('User ID').fill(form.userId);
    if (form.tenant !== undefined) await dialog.getByLabel('Tenant').fill(form.tenant);
    await dialog.getByLabel(/API token/).fill(form.credential);
    await dialog.getByRole('button', { name: 'Add account' }).click();
  }

  addAccountDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add account' });
  }

  /** Creates a token and returns the secret shown once in the reveal view. */
  async createToken(name: string, expiresLabel: string): Promise<string> {
    await this.page.getByRole('button', { name: 'New token' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New token' });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Expires').selectOption({ label: expiresLabel });
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const secret = this.page.getByTestId('revealed-secret');
    await expect(secret).toBeVisible();
    const value = await secret.inputValue();
    return value;
  }

  async closeReveal(): Promise<void> {
    await this.page.getByRole('button', { name: 'Done' }).click();
    await expect(this.page.getByTestId('secret-reveal')).toHaveCount(0);
  }

  async revoke(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Revoke token?' });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(dialog).toHaveCount(0);
  }
}
