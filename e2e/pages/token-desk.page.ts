import { expect, type Locator, type Page } from '@playwright/test';

export interface KestraAccountForm {
  label: string;
  baseUrl: string;
  userId: string;
  tenant?: string;
  credential: string;
}

export interface AccountForm {
  /** The service as the Service select names it, e.g. "Podstack". */
  service: string;
  label: string;
  /** Left as prefilled from the service's default when absent. */
  baseUrl?: string;
  /** The service's own fields by their label: a text input is filled, a select chosen. */
  fields?: Record<string, string>;
  /** The management credential, for services that take one. */
  credential?: string;
}

export interface TrackTokenForm {
  name: string;
  secret: string;
  /** The service's track fields by their label (e.g. { Project: '1234' }). */
  fields?: Record<string, string>;
  role?: string;
  /** A lifetime's label ("30 days", "Never") or, for a date input, yyyy-MM-dd. */
  expires?: string;
}

export interface ImportSources {
  environment?: boolean;
  /** The path of a .env file to read. */
  dotenv?: string;
  /** true reads the default ~/.podstack/credentials; a string reads that file. */
  podstack?: string | true;
}

/** How to treat one found credential, keyed by its source as the preview shows it. */
export interface ImportChoice {
  import: boolean;
  name?: string;
  /** The account's label. */
  account?: string;
  role?: string;
}

export interface FilterChoice {
  /** Option labels as the toolbar shows them ("Podstack", "web", "Expired"). */
  service?: string;
  project?: string;
  status?: string;
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

  // ---- Every service: accounts, tracked tokens, import, filters ----

  /** Fills a labelled control, whichever kind the form made of it (a select is a combobox). */
  private async fillLabelled(scope: Locator, label: string, value: string): Promise<void> {
    const select = scope.getByRole('combobox', { name: label, exact: true });
    if ((await select.count()) > 0) await select.selectOption(value);
    else await scope.getByLabel(label, { exact: true }).fill(value);
  }

  /** Adds an account of any service; waits for nothing, so a refusal can be asserted after. */
  async addAccount(form: AccountForm): Promise<void> {
    await this.page
      .getByRole('button', { name: /add (your first )?account/i })
      .first()
      .click();
    const dialog = this.addAccountDialog();
    await dialog.getByLabel('Service', { exact: true }).selectOption({ label: form.service });
    await dialog.getByLabel('Name', { exact: true }).fill(form.label);
    if (form.baseUrl !== undefined) await dialog.getByLabel('Service URL').fill(form.baseUrl);
    for (const [label, value] of Object.entries(form.fields ?? {})) {
      await this.fillLabelled(dialog, label, value);
    }
    if (form.credential !== undefined) {
      await dialog.getByTestId('credential-input').fill(form.credential);
    }
    await dialog.getByRole('button', { name: 'Add account' }).click();
  }

  /** One account's rows, header included, found by the account's label. */
  accountGroup(accountLabel: string): Locator {
    return this.page.getByTestId('account-group').filter({
      has: this.page.getByTestId('account-title').getByText(accountLabel, { exact: true }),
    });
  }

  trackTokenDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Track a token' });
  }

  /** Pastes a token into a guided account; the dialog closes once the service accepted it. */
  async trackToken(accountLabel: string, form: TrackTokenForm): Promise<void> {
    await this.accountGroup(accountLabel).getByRole('button', { name: 'Track a token' }).click();
    const dialog = this.trackTokenDialog();
    await dialog.getByLabel('Name', { exact: true }).fill(form.name);
    await dialog.getByLabel('Token', { exact: true }).fill(form.secret);
    for (const [label, value] of Object.entries(form.fields ?? {})) {
      await this.fillLabelled(dialog, label, value);
    }
    if (form.role !== undefined) {
      await dialog.getByLabel('Role', { exact: true }).selectOption({ label: form.role });
    }
    if (form.expires !== undefined) {
      const lifetimes = dialog.getByRole('combobox', { name: 'Expires (optional)' });
      if ((await lifetimes.count()) > 0) await lifetimes.selectOption({ label: form.expires });
      else await dialog.getByLabel('Expires (optional)').fill(form.expires);
    }
    await dialog.getByRole('button', { name: 'Track token' }).click();
  }

  /** Opens a row's More menu and picks an item ("Verify", "Forget"). */
  async rowAction(tokenName: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `More actions for ${tokenName}` }).click();
    await this.page.getByRole('menuitem', { name: `${action} ${tokenName}` }).click();
  }

  notice(): Locator {
    return this.page.getByTestId('notice');
  }

  /** Checks a stored token against its service and returns what the notice says. */
  async verify(tokenName: string): Promise<string> {
    await this.rowAction(tokenName, 'Verify');
    const text = this.notice().getByTestId('notice-text');
    await expect(text).not.toContainText('Checking');
    return (await text.textContent()) ?? '';
  }

  async forget(tokenName: string): Promise<void> {
    await this.rowAction(tokenName, 'Forget');
    const dialog = this.page.getByRole('dialog', { name: 'Forget token?' });
    await dialog.getByRole('button', { name: 'Forget' }).click();
    await expect(dialog).toHaveCount(0);
  }

  importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import tokens' });
  }

  /** A found credential's preview row, by its source ("environment: PODSTACK_API_TOKEN"). */
  importRow(source: string): Locator {
    return this.importDialog().getByTestId('import-row').filter({ hasText: source });
  }

  /** Opens Import, scans the given sources and waits for the preview (or "nothing found"). */
  async scanForImport(sources: ImportSources): Promise<void> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = this.importDialog();
    await dialog.getByLabel('Environment variables').setChecked(sources.environment ?? false);
    await dialog.getByLabel('A .env file').setChecked(sources.dotenv !== undefined);
    if (sources.dotenv !== undefined) await dialog.getByLabel('.env path').fill(sources.dotenv);
    await dialog.getByLabel('Podstack credentials').setChecked(sources.podstack !== undefined);
    if (typeof sources.podstack === 'string') {
      await dialog.getByLabel('Credentials path').fill(sources.podstack);
    }
    await dialog.getByRole('button', { name: 'Scan' }).click();
    await expect(
      dialog.getByTestId('import-row').or(dialog.getByTestId('import-nothing-found')).first(),
    ).toBeVisible();
  }

  /**
   * Scans, applies the choices (rows not named keep the preview's defaults), imports, and
   * leaves the dialog open on the per-row results: read them with `importRow(source)`.
   */
  async importTokens(
    sources: ImportSources,
    choices: Record<string, ImportChoice> = {},
  ): Promise<void> {
    await this.scanForImport(sources);
    for (const [source, choice] of Object.entries(choices)) {
      const row = this.importRow(source);
      await row.getByRole('checkbox').setChecked(choice.import);
      if (choice.account !== undefined) {
        await row.getByLabel(`Account for ${source}`).selectOption({ label: choice.account });
      }
      if (choice.name !== undefined) await row.getByLabel(`Name for ${source}`).fill(choice.name);
      if (choice.role !== undefined) {
        await row.getByLabel(`Role for ${source}`).selectOption({ label: choice.role });
      }
    }
    const dialog = this.importDialog();
    await dialog.getByRole('button', { name: 'Import selected' }).click();
    await expect(dialog.getByRole('status')).toContainText('Imported');
  }

  async closeImport(): Promise<void> {
    const dialog = this.importDialog();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  }

  private filters(): Locator {
    return this.page.getByRole('group', { name: 'Filters' });
  }

  /** Sets the toolbar's filters; "All …" options reset one. */
  async filterBy(choice: FilterChoice): Promise<void> {
    const filters = this.filters();
    if (choice.service !== undefined) {
      await filters.getByLabel('Service', { exact: true }).selectOption({ label: choice.service });
    }
    if (choice.project !== undefined) {
      await filters.getByLabel('Project', { exact: true }).selectOption({ label: choice.project });
    }
    if (choice.status !== undefined) {
      await filters.getByLabel('Status', { exact: true }).selectOption({ label: choice.status });
    }
  }

  /** "Name", "Expires (soonest first)" or "Last used (most recent first)". */
  async sortBy(label: string): Promise<void> {
    await this.filters().getByLabel('Sort by', { exact: true }).selectOption({ label });
  }

  // ---- Services that rename and switch tokens on or off (Bodhi) ----

  /** A row's Rename item; the dialog closes once the service took the new name. */
  async renameToken(tokenName: string, newName: string): Promise<void> {
    await this.rowAction(tokenName, 'Rename');
    const dialog = this.page.getByRole('dialog', { name: 'Rename token' });
    await dialog.getByLabel('Name', { exact: true }).fill(newName);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toHaveCount(0);
  }

  /**
   * Dismisses the browser target's reminder about a token (the desktop app notifies instead),
   * which otherwise lies over the rows' actions.
   */
  async dismissReminder(tokenName: string): Promise<void> {
    const reminder = this.page.getByTestId('page-reminder').filter({ hasText: tokenName });
    const more = this.page.getByRole('button', { name: /more reminders?$/ });
    if ((await reminder.count()) === 0 && (await more.count()) > 0) await more.click();
    await reminder.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect(reminder).toHaveCount(0);
  }

  /** "Deactivate" or "Activate" from a row's More menu; returns what the notice says. */
  async switchToken(tokenName: string, action: 'Activate' | 'Deactivate'): Promise<string> {
    await this.rowAction(tokenName, action);
    const text = this.notice().getByTestId('notice-text');
    await expect(text).toContainText(`${action}d ${tokenName}`);
    return (await text.textContent()) ?? '';
  }

  // ---- Guided services (Podstack, TeraSwitch) ----

  /** Shows every account's tokens again after adding an account selected that one alone. */
  async showAllAccounts(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Accounts' })
      .getByRole('button', { name: 'All accounts' })
      .click();
  }

  // ---- Rotation and publishing ----

  rotationView(): Locator {
    return this.page.getByTestId('rotation-view');
  }

  /** Starts a rotation from the token's row and waits for its progress view. */
  async rotate(tokenName: string): Promise<void> {
    // By keyboard: the row's actions sit where reminder toasts may float over them.
    await this.page
      .getByRole('button', { name: `Rotate ${tokenName}`, exact: true })
      .press('Enter');
    await expect(this.rotationView()).toBeVisible();
  }

  /** Waits until the rotation ends proven (new verified, old revoked); fails on any other end. */
  async waitForProvenRotation(): Promise<void> {
    const outcome = this.rotationView().getByTestId('rotation-outcome');
    await expect(outcome).toHaveAttribute(
      'data-outcome',
      /^(proven|done|rolled-back|needs-user|revoke-pending)$/,
    );
    await expect(outcome).toHaveAttribute('data-outcome', 'proven');
  }

  async closeRotation(): Promise<void> {
    await this.rotationView().getByRole('button', { name: 'Close' }).click();
    await expect(this.rotationView()).toHaveCount(0);
  }

  publishDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Publish to CI' });
  }

  async openPublish(tokenName: string): Promise<void> {
    // By keyboard, as in rotate(): a reminder toast may float over the row's actions.
    await this.page.getByRole('button', { name: `More actions for ${tokenName}` }).press('Enter');
    await this.page.getByRole('menuitem', { name: `Publish ${tokenName} to CI` }).press('Enter');
    await expect(this.publishDialog().getByText('Loading targets…')).toHaveCount(0);
  }

  /** Binds a target in the open Publish panel; `credential` is the token option's label. */
  async addPublishTarget(
    target:
      | {
          kind: 'GitHub Actions secret';
          repository: string;
          /** An environment's secret instead of the repository's. */
          environment?: string;
          secretName: string;
          credential: string;
        }
      | { kind: '.env file entry'; path: string; key: string },
  ): Promise<void> {
    const dialog = this.publishDialog();
    await dialog.getByRole('button', { name: 'Add a target' }).click();
    const form = dialog.getByRole('form', { name: 'Add a target' });
    await form.getByLabel('Target', { exact: true }).selectOption({ label: target.kind });
    if (target.kind === 'GitHub Actions secret') {
      await form.getByLabel('Repository', { exact: true }).fill(target.repository);
      if (target.environment !== undefined) {
        await form.getByLabel(/^Environment/).fill(target.environment);
      }
      await form.getByLabel('Secret name', { exact: true }).fill(target.secretName);
      await form
        .getByLabel('GitHub token', { exact: true })
        .selectOption({ label: target.credential });
    } else {
      await form.getByLabel('.env file', { exact: true }).fill(target.path);
      await form.getByLabel('Variable name', { exact: true }).fill(target.key);
    }
    await form.getByRole('button', { name: 'Add target' }).click();
    await expect(form).toHaveCount(0);
  }

  async closePublish(): Promise<void> {
    await this.publishDialog().getByRole('button', { name: 'Close' }).click();
    await expect(this.publishDialog()).toHaveCount(0);
  }

  // ---- Attention: Needs attention, last-used audit, expiry timeline, reminders ----

  /** "Tokens", "Needs attention", "Last-used audit" or "Expiry timeline". */
  async openView(name: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();
  }

  /** A token's row in the list, found by its name. */
  rowNamed(tokenName: string): Locator {
    return this.rows().filter({
      has: this.page.locator('.token-name').getByText(tokenName, { exact: true }),
    });
  }

  attentionItems(): Locator {
    return this.page.getByTestId('attention-item');
  }

  attentionItem(tokenName: string): Locator {
    return this.attentionItems().filter({
      has: this.page.getByRole('button', { name: tokenName, exact: true }),
    });
  }

  async snooze(tokenName: string, period: '1 day' | '1 week'): Promise<void> {
    await this.page.getByRole('button', { name: `Snooze ${tokenName} for ${period}` }).click();
    await expect(this.attentionItem(tokenName)).toHaveCount(0);
  }

  /**
   * Sets the days before expiry to warn at, for every account or (from the account's menu) as
   * one account's own rule, and waits until they are saved.
   */
  async setWarningDays(days: string, accountLabel?: string): Promise<void> {
    const whose = accountLabel ?? 'all accounts';
    if (accountLabel === undefined) {
      await this.openView('Reminder rules');
    } else {
      await this.openView('Tokens');
      await this.page.getByRole('button', { name: `More actions for ${accountLabel}` }).click();
      await this.page.getByRole('menuitem', { name: `Reminder rules for ${accountLabel}` }).click();
    }
    const form = this.page.getByRole('form', { name: `Reminder rules for ${whose}` });
    if (accountLabel !== undefined) {
      await form
        .getByRole('checkbox', { name: `Own rule for ${accountLabel}: warn before expiry (days)` })
        .check();
    }
    await form.getByLabel('Warn before expiry (days)', { exact: true }).fill(days);
    await form.getByRole('button', { name: 'Save rules' }).click();
    await expect(this.notice()).toContainText(`Saved the reminder rules for ${whose}.`);
  }

  auditRow(tokenName: string): Locator {
    return this.page.getByTestId('audit-row').filter({ hasText: tokenName });
  }

  timelineEntry(tokenName: string): Locator {
    return this.page.getByTestId('timeline-entry').filter({ hasText: tokenName });
  }

  pageReminders(): Locator {
    return this.page.getByTestId('page-reminder');
  }
}
