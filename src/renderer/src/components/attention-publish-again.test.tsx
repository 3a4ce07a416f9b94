import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { account, attentionItem, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const message =
  'GitLab CI/CD variable KESTRA_TOKEN of group/app no longer holds the current secret of “ci-deploy”. Publish again to update it.';
const drifted = attentionItem({
  urgency: 'high',
  reasons: [{ kind: 'target-drift', urgency: 'high', thresholdDays: null, at: null, message }],
  fixes: ['publish-again'],
});
const list = (items: (typeof drifted)[]) => ({
  now: '2025-01-01T00:00:00.000Z',
  items,
  snoozedCount: 0,
});

describe('a drifted publish target in Needs attention', () => {
  it('names the target and publishes again in one click, then shows what main says is left', async () => {
    fakeApi.attention.list.mockResolvedValueOnce(list([drifted])).mockResolvedValue(list([]));
    const { user } = await renderApp({
      accounts: [account()],
      inventory: [inventory({ tokens: [token({ hasSecret: true })] })],
    });
    await user.click(screen.getByRole('button', { name: /Needs attention/ }));
    const item = await screen.findByTestId('attention-item');
    expect(item.textContent).toContain(message);

    await user.click(within(item).getByRole('button', { name: 'Publish ci-deploy again' }));
    expect(fakeApi.publish.again).toHaveBeenCalledWith({ accountId: 'acc-work', tokenId: 'tok-1' });
    await waitFor(() => expect(screen.queryByTestId('attention-item')).toBeNull());
  });
});
