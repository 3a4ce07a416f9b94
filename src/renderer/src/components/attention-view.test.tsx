import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emitAttentionEvent, fakeApi } from '../test/fake-api';
import { account, appInfo, attentionItem, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';
import { useStore } from '../store';

const work = account({ id: 'acc-work', label: 'Work' });
const tokens = [
  token({ id: 'tok-1', name: 'ci-deploy', expiresAt: '2025-01-04T00:00:00.000Z' }),
  token({ id: 'tok-2', name: 'old-cli' }),
];
const seeded = { accounts: [work], inventory: [inventory({ accountId: 'acc-work', tokens })] };

const expiring = attentionItem();
const neverUsed = attentionItem({
  tokenId: 'tok-2',
  tokenName: 'old-cli',
  urgency: 'medium',
  reasons: [
    {
      kind: 'never-used',
      urgency: 'medium',
      thresholdDays: 14,
      at: '2024-11-20T00:00:00.000Z',
      message: 'Never used since it was created 42 days ago.',
    },
  ],
  fixes: ['revoke', 'snooze-day', 'snooze-week'],
});

function attentionList(items = [expiring, neverUsed], snoozedCount = 0) {
  return { now: '2025-01-01T00:00:00.000Z', items, snoozedCount };
}

describe('Needs attention', () => {
  it('lists every token with its reasons in the order main gives, with its fixes', async () => {
    fakeApi.attention.list.mockResolvedValue(attentionList());
    const { user } = await renderApp(seeded);

    await user.click(screen.getByRole('button', { name: /Needs attention/ }));

    const items = await screen.findAllByTestId('attention-item');
    expect(items.map((i) => i.getAttribute('data-token-id'))).toEqual(['tok-1', 'tok-2']);
    expect((items[0] as HTMLElement).textContent).toContain('Expires in 3 days (4 Jan 2025).');
    const first = within(items[0] as HTMLElement);
    expect(first.getByRole('button', { name: 'Rotate ci-deploy' })).toBeTruthy();
    expect(first.queryByRole('button', { name: 'Revoke ci-deploy' })).toBeNull();
    const second = within(items[1] as HTMLElement);
    expect(second.getByRole('button', { name: 'Revoke old-cli' })).toBeTruthy();
    expect(screen.getByTestId('attention-count').textContent).toContain('2');
  });

  it('snoozes a token for a day and shows the list main returns afterwards', async () => {
    fakeApi.attention.list
      .mockResolvedValueOnce(attentionList())
      .mockResolvedValue(attentionList([neverUsed], 1));
    const { user } = await renderApp(seeded);
    await user.click(screen.getByRole('button', { name: /Needs attention/ }));

    await user.click(await screen.findByRole('button', { name: 'Snooze ci-deploy for 1 day' }));

    expect(fakeApi.attention.snooze).toHaveBeenCalledExactlyOnceWith({
      accountId: 'acc-work',
      tokenId: 'tok-1',
      days: 1,
    });
    await waitFor(() => expect(screen.getAllByTestId('attention-item')).toHaveLength(1));
    expect(screen.getByTestId('snoozed-count').textContent).toContain('1 snoozed token');
    expect(screen.getByTestId('notice-text').textContent).toContain('Snoozed ci-deploy for 1 day.');
  });

  it('sets a reminder date for a token', async () => {
    const noReminder = attentionItem({
      urgency: 'low',
      reasons: [
        {
          kind: 'no-reminder',
          urgency: 'low',
          thresholdDays: null,
          at: null,
          message: 'Never expires, and nothing will remind you to rotate it: set a reminder.',
        },
      ],
      fixes: ['set-reminder'],
    });
    fakeApi.attention.list.mockResolvedValue(attentionList([noReminder]));
    const { user } = await renderApp(seeded);
    await user.click(screen.getByRole('button', { name: /Needs attention/ }));

    await user.click(await screen.findByRole('button', { name: 'Set a reminder for ci-deploy' }));
    await user.type(screen.getByLabelText('Remind me on'), '2025-03-01');
    await user.click(screen.getByRole('button', { name: 'Save reminder' }));

    expect(fakeApi.attention.setReminder).toHaveBeenCalledExactlyOnceWith({
      accountId: 'acc-work',
      tokenId: 'tok-1',
      remindAt: new Date('2025-03-01T09:00:00').toISOString(),
    });
  });

  it('says so when nothing needs attention', async () => {
    fakeApi.attention.list.mockResolvedValue(attentionList([]));
    const { user } = await renderApp(seeded);

    await user.click(screen.getByRole('button', { name: /Needs attention/ }));

    expect(await screen.findByTestId('attention-empty')).toBeTruthy();
  });
});

describe('badges in the token list', () => {
  it('marks the rows of tokens that need attention, and reloads when main says the count changed', async () => {
    fakeApi.attention.list.mockResolvedValue(attentionList([expiring]));
    await renderApp(seeded);

    const row = (id: string) =>
      screen.getAllByTestId('token-row').find((r) => r.getAttribute('data-token-id') === id);
    await waitFor(() =>
      expect(
        within(row('tok-1') as HTMLElement).getByTestId('attention-badge').textContent,
      ).toContain('Expires soon'),
    );
    expect(within(row('tok-2') as HTMLElement).queryByTestId('attention-badge')).toBeNull();

    fakeApi.attention.list.mockResolvedValue(attentionList([expiring, neverUsed]));
    emitAttentionEvent('attention:changed', { count: 2 });

    await waitFor(() =>
      expect(
        within(row('tok-2') as HTMLElement).getByTestId('attention-badge').textContent,
      ).toContain('Never used'),
    );
  });
});

describe('reminders', () => {
  const reminder = {
    accountId: 'acc-work',
    tokenId: 'tok-1',
    title: 'ci-deploy (Work)',
    body: 'Expires in 3 days (4 Jan 2025).',
    urgency: 'high' as const,
  };

  it('shows reminders in the page in the browser target, and "Show" selects the token', async () => {
    const { user } = await renderApp({ ...seeded, info: appInfo({ target: 'browser' }) });

    emitAttentionEvent('attention:reminder', reminder);

    const shown = await screen.findByTestId('page-reminder');
    expect(shown.textContent).toContain('Expires in 3 days');
    await user.click(within(shown).getByRole('button', { name: 'Show' }));
    expect(screen.queryByTestId('page-reminder')).toBeNull();
    expect(useStore.getState().selectedAccountId).toBe('acc-work');
    const focused = screen
      .getAllByTestId('token-row')
      .filter((r) => r.getAttribute('data-focused') === 'true');
    expect(focused.map((r) => r.getAttribute('data-token-id'))).toEqual(['tok-1']);
  });

  it('keeps many reminders to one line, most urgent first, the rest a click away', async () => {
    const { user } = await renderApp({ ...seeded, info: appInfo({ target: 'browser' }) });

    emitAttentionEvent('attention:reminder', { ...reminder, urgency: 'medium', tokenId: 'tok-2' });
    emitAttentionEvent('attention:reminder', { ...reminder, urgency: 'critical' });
    emitAttentionEvent('attention:reminder', { ...reminder, urgency: 'low', tokenId: 'tok-3' });

    const [first, ...others] = await screen.findAllByTestId('page-reminder');
    expect(others).toHaveLength(0);
    expect(first?.className).toContain('urgency-critical');
    await user.click(screen.getByRole('button', { name: '2 more reminders' }));
    expect(
      screen.getAllByTestId('page-reminder').map((r) => r.className.replace('page-reminder ', '')),
    ).toEqual(['urgency-critical', 'urgency-medium', 'urgency-low']);
    await user.click(screen.getByRole('button', { name: 'Dismiss all' }));
    expect(screen.queryByTestId('page-reminder')).toBeNull();
  });

  it('leaves reminders to desktop notifications in the desktop app', async () => {
    await renderApp(seeded);

    emitAttentionEvent('attention:reminder', reminder);

    expect(screen.queryByTestId('page-reminder')).toBeNull();
  });

  it('shows the token whose notification was clicked, from any view', async () => {
    const { user } = await renderApp(seeded);
    await user.click(screen.getByRole('button', { name: 'Last-used audit' }));

    emitAttentionEvent('attention:open', { accountId: 'acc-work', tokenId: 'tok-2' });

    const focused = await screen.findAllByTestId('token-row');
    expect(
      focused
        .filter((r) => r.getAttribute('data-focused') === 'true')
        .map((r) => r.dataset.tokenId),
    ).toEqual(['tok-2']);
  });
});
