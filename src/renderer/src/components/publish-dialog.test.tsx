import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import {
  account,
  guidedAccount,
  guidedProvider,
  inventory,
  provider,
  publishBinding,
  token,
} from '../test/fixtures';
import { renderApp } from '../test/render-app';

const github = guidedAccount({
  id: 'acc-gh',
  provider: 'github',
  label: 'GitHub',
  baseUrl: 'https://api.github.com',
  tokenPageUrl: null,
});
const githubProvider = guidedProvider({ kind: 'github', name: 'GitHub' });
const seed = {
  providers: [provider(), githubProvider],
  accounts: [account(), github],
  inventory: [
    inventory({ tokens: [token({ id: 'tok-1', name: 'ci-deploy', hasSecret: true })] }),
    inventory({
      accountId: 'acc-gh',
      tokens: [
        token({
          id: 'gh-1',
          accountId: 'acc-gh',
          name: 'ci-writer',
          source: 'tracked',
          hasSecret: true,
        }),
      ],
    }),
  ],
};
const ref = { accountId: 'acc-work', tokenId: 'tok-1' };
const panel = (): HTMLElement => screen.getByRole('dialog', { name: 'Publish to CI' });

async function openPanel(bindings = [publishBinding()]) {
  fakeApi.publish.list.mockResolvedValue(bindings);
  const app = await renderApp(seed);
  await app.user.click(screen.getByRole('button', { name: 'More actions for ci-deploy' }));
  await app.user.click(screen.getByRole('menuitem', { name: 'Publish ci-deploy to CI' }));
  await waitFor(() => expect(within(panel()).queryByText('Loading targets…')).toBeNull());
  return app;
}

describe('Publish to CI', () => {
  it('lists the bound targets with their last verified outcome', async () => {
    await openPanel([
      publishBinding({
        id: 'p1',
        description: 'API_TOKEN in ~/app/.env',
        lastResult: { ok: true, verifiedAt: '2025-01-01T10:00:00.000Z', error: null, at: 'x' },
      }),
      publishBinding({
        id: 'p2',
        description: 'GitHub Actions secret API_TOKEN of octo/app',
        lastResult: {
          ok: false,
          verifiedAt: null,
          error: { code: 'NOT_FOUND', message: 'GitHub has no repository octo/app.' },
          at: 'x',
        },
      }),
    ]);
    expect(fakeApi.publish.list).toHaveBeenCalledWith(ref);
    const items = within(panel()).getAllByTestId('publish-binding');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('✓ Published and read back at'),
      expect.stringContaining('✕ GitHub has no repository octo/app.'),
    ]);
  });

  it('binds a GitHub Actions secret with a GitHub token TokenDesk keeps', async () => {
    const { user } = await openPanel([]);
    expect(within(panel()).getByText(/No targets yet/)).toBeTruthy();
    await user.click(within(panel()).getByRole('button', { name: 'Add a target' }));
    const form = within(panel()).getByRole('form', { name: 'Add a target' });
    await user.click(within(form).getByRole('button', { name: 'Add target' }));
    expect(fakeApi.publish.add).not.toHaveBeenCalled();
    expect(form.textContent).toContain('Enter the repository as owner/name.');
    expect(form.textContent).toContain('Choose the GitHub token that may write there.');

    await user.type(within(form).getByLabelText('Repository'), 'octo/app');
    await user.type(within(form).getByLabelText('Environment'), 'production');
    await user.type(within(form).getByLabelText('Secret name'), 'API_TOKEN');
    await user.selectOptions(within(form).getByLabelText('GitHub token'), 'GitHub · ci-writer');
    fakeApi.publish.add.mockResolvedValueOnce(
      publishBinding({ id: 'p9', description: 'GitHub Actions secret API_TOKEN of octo/app' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Add target' }));

    expect(fakeApi.publish.add).toHaveBeenCalledWith({
      ...ref,
      target: {
        kind: 'github-actions',
        repository: 'octo/app',
        environment: 'production',
        secretName: 'API_TOKEN',
        credential: { accountId: 'acc-gh', tokenId: 'gh-1' },
      },
    });
    await waitFor(() => expect(within(panel()).queryByRole('form')).toBeNull());
    expect(within(panel()).getByTestId('publish-binding').textContent).toContain(
      'GitHub Actions secret API_TOKEN of octo/app',
    );
  });

  it('tracks a pasted GitHub token first and binds with it; a refusal keeps the form', async () => {
    const { user } = await openPanel([]);
    await user.click(within(panel()).getByRole('button', { name: 'Add a target' }));
    const form = within(panel()).getByRole('form', { name: 'Add a target' });
    await user.type(within(form).getByLabelText('Repository'), 'octo/app');
    await user.type(within(form).getByLabelText('Secret name'), 'API_TOKEN');
    await user.selectOptions(
      within(form).getByLabelText('GitHub token'),
      'Paste a new GitHub token…',
    );
    await user.type(within(form).getByLabelText('Token name'), 'publisher');
    await user.type(within(form).getByLabelText('Token secret'), 'ghp_pasted');
    fakeApi.tokens.track.mockResolvedValueOnce(
      token({
        id: 'gh-7',
        accountId: 'acc-gh',
        name: 'publisher',
        source: 'tracked',
        hasSecret: true,
      }),
    );
    fakeApi.publish.add.mockRejectedValueOnce(
      rejection('NOT_FOUND', 'GitHub has no repository octo/app that this token can see.'),
    );
    await user.click(within(form).getByRole('button', { name: 'Add target' }));

    expect(fakeApi.tokens.track).toHaveBeenCalledWith({
      accountId: 'acc-gh',
      name: 'publisher',
      secret: 'ghp_pasted',
    });
    const [added] = fakeApi.publish.add.mock.calls.map(([args]) => args.target);
    expect(added).toMatchObject({ credential: { accountId: 'acc-gh', tokenId: 'gh-7' } });
    expect(within(form).getByRole('alert').textContent).toBe(
      'GitHub has no repository octo/app that this token can see.',
    );
    expect(within(form).getByLabelText<HTMLInputElement>('Repository').value).toBe('octo/app');
    // The pasted token is kept and chosen: a second try does not paste it again.
    expect(within(form).getByLabelText<HTMLSelectElement>('GitHub token').value).toBe(
      'acc-gh/gh-7',
    );
  });

  it('binds a .env entry and a masked GitLab variable needs a GitLab account', async () => {
    const { user } = await openPanel([]);
    await user.click(within(panel()).getByRole('button', { name: 'Add a target' }));
    const form = within(panel()).getByRole('form', { name: 'Add a target' });
    await user.selectOptions(within(form).getByLabelText('Target'), 'GitLab CI/CD variable');
    expect(within(form).getByTestId('publish-no-credential').textContent).toContain(
      'Add a GitLab account first',
    );
    expect(within(form).getByLabelText<HTMLInputElement>(/Masked/).checked).toBe(true);

    await user.selectOptions(within(form).getByLabelText('Target'), '.env file entry');
    await user.type(within(form).getByLabelText('.env file'), '~/app/.env');
    await user.type(within(form).getByLabelText('Variable name'), 'KESTRA_TOKEN');
    await user.click(within(form).getByRole('button', { name: 'Add target' }));
    expect(fakeApi.publish.add).toHaveBeenCalledWith({
      ...ref,
      target: { kind: 'dotenv', path: '~/app/.env', key: 'KESTRA_TOKEN' },
    });
  });

  it('publishes now and says how many targets were read back', async () => {
    const { user } = await openPanel([publishBinding({ id: 'p1' }), publishBinding({ id: 'p2' })]);
    fakeApi.publish.run.mockResolvedValueOnce([
      { targetId: 'p1', ok: true, verifiedAt: '2025-01-01T10:00:00.000Z', error: null },
      {
        targetId: 'p2',
        ok: false,
        verifiedAt: null,
        error: { code: 'FORBIDDEN', message: 'The token may not write secrets there.' },
      },
    ]);
    await user.click(within(panel()).getByRole('button', { name: 'Publish now' }));
    expect(fakeApi.publish.run).toHaveBeenCalledWith(ref);
    expect(within(panel()).getByTestId('publish-summary').textContent).toBe(
      '1 of 2 targets updated and read back; see the failures below.',
    );
    const results = within(panel()).getAllByTestId('publish-result');
    expect(results.map((r) => r.getAttribute('data-ok'))).toEqual(['true', 'false']);
  });

  it('removes a target', async () => {
    const { user } = await openPanel([
      publishBinding({ id: 'p1', description: 'API_TOKEN in ~/app/.env' }),
    ]);
    await user.click(
      within(panel()).getByRole('button', { name: 'Remove API_TOKEN in ~/app/.env' }),
    );
    expect(fakeApi.publish.remove).toHaveBeenCalledWith({ ...ref, targetId: 'p1' });
    expect(within(panel()).queryByTestId('publish-binding')).toBeNull();
  });

  it('is offered only for tokens whose secret TokenDesk keeps', async () => {
    const { user } = await renderApp({
      ...seed,
      inventory: [
        inventory({ tokens: [token({ id: 'tok-3', name: 'listed', hasSecret: false })] }),
      ],
    });
    const more = screen.queryByRole('button', { name: 'More actions for listed' });
    if (more !== null) {
      await user.click(more);
      expect(screen.queryByRole('menuitem', { name: 'Publish listed to CI' })).toBeNull();
    }
    expect(screen.queryByRole('menuitem', { name: 'Publish listed to CI' })).toBeNull();
  });
});
