import { randomBytes } from 'node:crypto';
import { expect, type Locator } from '@playwright/test';
import { DEMO_GITLAB_USER_ID, demoGitlabSeed } from '../../sim/gitlab/gitlab-seeds';
import { startGitlabSim, type GitlabSim } from '../../sim/gitlab/gitlab.sim';
import type { GitlabTokenView } from '../../sim/gitlab/gitlab.types';
import { test as base } from '../fixtures';
import type { TokenDeskPage } from '../pages/token-desk.page';

export interface GitlabFixture {
  sim: GitlabSim;
  /** Alice's `api` token (an administrator), as the user pastes it into TokenDesk. */
  managementSecret: string;
  userId: number;
  /** The project whose access tokens the project account manages. */
  project: string;
  /** The live tokens the account would list: the user's personal ones, or the project's. */
  listed(kind: 'personal' | 'project'): GitlabTokenView[];
}

export const test = base.extend<{ gitlab: GitlabFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  gitlab: async ({}, use) => {
    const managementSecret = `glpat-${randomBytes(15).toString('base64url')}`;
    const sim = await startGitlabSim(demoGitlabSeed(managementSecret));
    const project = 'acme/web';
    await use({
      sim,
      managementSecret,
      userId: DEMO_GITLAB_USER_ID,
      project,
      listed: (kind) =>
        sim
          .tokens()
          .filter((t) => !t.revoked && t.kind === kind)
          .filter((t) =>
            kind === 'personal' ? t.userId === DEMO_GITLAB_USER_ID : t.projectPath === project,
          ),
    });
    await sim.close();
  },
});

/** The user adds the fixture's project as an account whose new tokens get the Developer role. */
export async function addProjectAccount(
  app: TokenDeskPage,
  gitlab: GitlabFixture,
  label: string,
): Promise<void> {
  await app.addAccount({
    service: 'GitLab',
    label,
    baseUrl: gitlab.sim.url,
    fields: {
      'Token type': 'project',
      Project: gitlab.project,
      'Role for new project tokens': 'Developer',
    },
    credential: gitlab.managementSecret,
  });
  await expect(app.addAccountDialog()).toHaveCount(0);
}

/** Creates a token in one account (every account has its own "New token") and returns its secret. */
export async function createTokenIn(
  app: TokenDeskPage,
  accountLabel: string,
  name: string,
  expiresLabel: string,
): Promise<string> {
  // By keyboard, as the page object does: reminder toasts may float over the button.
  await app
    .accountGroup(accountLabel)
    .getByRole('button', { name: /New token/ })
    .press('Enter');
  const dialog = app.page.getByRole('dialog', { name: 'New token' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Expires').selectOption({ label: expiresLabel });
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secret = app.page.getByTestId('revealed-secret');
  await expect(secret).toBeVisible();
  return secret.inputValue();
}

/** Revokes a token from its row (by keyboard, see above) and confirms. */
export async function revokeByKeyboard(app: TokenDeskPage, name: string): Promise<void> {
  await app.page.getByRole('button', { name: `Revoke ${name}` }).press('Enter');
  const dialog = app.page.getByRole('dialog', { name: 'Revoke token?' });
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toHaveCount(0);
}

/** A row's date cell shows the exact value as the `datetime` of a <time>. */
export function timeIn(row: Locator, iso: string): Locator {
  return row.locator(`time[datetime="${iso}"]`);
}

export { expect } from '../fixtures';
