import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emitRotationProgress, fakeApi } from '../test/fake-api';
import { account, inventory, provider, rotationView, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';
import { provenRotation } from '../test/rotation-fixtures';

const seed = {
  providers: [provider()],
  accounts: [account()],
  inventory: [
    inventory({
      tokens: [
        token({ id: 'tok-1', name: 'ci-deploy' }),
        token({ id: 'tok-2', name: 'laptop' }),
        token({ id: 'tok-3', name: 'gone', status: 'revoked' }),
      ],
    }),
  ],
};

describe('unfinished rotations after start', () => {
  it('shows those recovered or waiting, and leads to each one', async () => {
    fakeApi.rotation.list.mockResolvedValue([
      rotationView({
        rotationId: 'r-wait',
        oldTokenId: 'tok-1',
        oldTokenName: 'ci-deploy',
        status: 'revoke-pending',
      }),
      provenRotation({ rotationId: 'r-done', oldTokenId: 'old', oldTokenName: 'retired' }),
    ]);
    const { user } = await renderApp(seed);
    const banner = await screen.findByTestId('rotation-banner');
    expect(banner.textContent).toContain('1 rotation unfinished — 1 needs you');
    // The token being rotated offers its rotation, not a second one.
    expect(screen.queryByRole('button', { name: 'Rotate ci-deploy' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show rotation of ci-deploy' })).toBeTruthy();

    await user.click(within(banner).getByRole('button', { name: 'Show rotations' }));
    const list = screen.getByRole('dialog', { name: 'Rotations' });
    const items = within(list).getAllByTestId('rotation-list-item');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['revoke-pending', 'done']);
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('Old token still active: retry'),
      expect.stringContaining('Rotated and proven'),
    ]);

    await user.click(within(list).getByRole('button', { name: 'Open rotation of ci-deploy' }));
    expect(screen.getByTestId('rotation-view').getAttribute('data-rotation-id')).toBe('r-wait');
  });

  it('goes away once the rotation is done', async () => {
    fakeApi.rotation.list.mockResolvedValue([rotationView({ status: 'running' })]);
    await renderApp(seed);
    const banner = await screen.findByTestId('rotation-banner');
    expect(banner.textContent).toContain('in progress');
    emitRotationProgress(provenRotation());
    await waitFor(() => expect(screen.queryByTestId('rotation-banner')).toBeNull());
    expect(screen.getByRole('button', { name: 'Rotate ci-deploy' })).toBeTruthy();
  });
});

describe('Rotate selected', () => {
  it('rotates the picked rows and lists what did not start', async () => {
    const { user } = await renderApp(seed);
    expect(screen.queryByRole('checkbox', { name: 'Select gone' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Select ci-deploy' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select laptop' }));
    expect(screen.getByTestId('selection-count').textContent).toBe('2 tokens selected');

    fakeApi.rotation.start
      .mockResolvedValueOnce({ rotationId: 'r1' })
      .mockRejectedValueOnce(new Error('CONFLICT: A rotation of “laptop” is already under way.'));
    await user.click(screen.getByRole('button', { name: 'Rotate selected' }));

    expect(fakeApi.rotation.start.mock.calls.map(([args]) => args.tokenId)).toEqual([
      'tok-1',
      'tok-2',
    ]);
    const list = await screen.findByRole('dialog', { name: 'Rotations' });
    expect(within(list).getByTestId('rotation-start-problems').textContent).toContain(
      'laptop: A rotation of “laptop” is already under way.',
    );
    expect(screen.queryByTestId('selection-count')).toBeNull();
  });
});
