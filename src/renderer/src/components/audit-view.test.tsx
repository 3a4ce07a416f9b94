import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditGroup, Timeline } from '../../../shared/attention-model';
import { fakeApi, rejection } from '../test/fake-api';
import { account, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const work = account({ id: 'acc-work', label: 'Work' });
const seeded = {
  accounts: [work],
  inventory: [
    inventory({
      accountId: 'acc-work',
      tokens: [
        token({ id: 'tok-1', name: 'ci-deploy' }),
        token({ id: 'tok-2', name: 'old-cli' }),
        token({ id: 'tok-3', name: 'tracked', source: 'tracked' }),
      ],
    }),
  ],
};

const audit: AuditGroup[] = [
  {
    accountId: 'acc-work',
    accountLabel: 'Work',
    provider: 'kestra',
    project: null,
    rows: [
      {
        accountId: 'acc-work',
        tokenId: 'tok-2',
        tokenName: 'old-cli',
        project: null,
        createdAt: '2024-11-20T00:00:00.000Z',
        lastActivityAt: null,
        lastActivitySource: null,
        finding: 'never-used',
        days: 40,
        canRevoke: true,
      },
      {
        accountId: 'acc-work',
        tokenId: 'tok-1',
        tokenName: 'ci-deploy',
        project: null,
        createdAt: '2024-01-01T00:00:00.000Z',
        lastActivityAt: '2024-11-01T00:00:00.000Z',
        lastActivitySource: 'service',
        finding: 'idle',
        days: 61,
        canRevoke: true,
      },
    ],
  },
  {
    accountId: 'acc-work',
    accountLabel: 'Work',
    provider: 'kestra',
    project: 'web',
    rows: [
      {
        accountId: 'acc-work',
        tokenId: 'tok-3',
        tokenName: 'tracked',
        project: 'web',
        createdAt: '2024-01-01T00:00:00.000Z',
        lastActivityAt: '2024-10-01T00:00:00.000Z',
        lastActivitySource: 'verified',
        finding: 'idle',
        days: 92,
        canRevoke: false,
      },
    ],
  },
];

describe('Last-used audit', () => {
  it('groups never-used and idle tokens per account and project', async () => {
    fakeApi.audit.list.mockResolvedValue(audit);
    const { user } = await renderApp(seeded);

    await user.click(screen.getByRole('button', { name: 'Last-used audit' }));

    const groups = await screen.findAllByTestId('audit-group');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['Work', 'Work · web']);
    const rows = screen.getAllByTestId('audit-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Never used (created 40 days ago)'),
      expect.stringContaining('Idle for 61 days'),
      expect.stringContaining('checked'),
    ]);
    // A token TokenDesk cannot revoke (tracked in a dashboard) cannot be chosen.
    expect(within(rows[2] as HTMLElement).queryByRole('checkbox')).toBeNull();
  });

  it('revokes the selected tokens after a confirmation and names any that failed', async () => {
    fakeApi.audit.list.mockResolvedValue(audit);
    fakeApi.tokens.revoke
      .mockResolvedValueOnce({ revoked: true })
      .mockRejectedValueOnce(rejection('AUTH_FAILED', 'The service refused the credential.'));
    const { user } = await renderApp(seeded);
    await user.click(screen.getByRole('button', { name: 'Last-used audit' }));

    await user.click(await screen.findByRole('checkbox', { name: 'Select old-cli' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select ci-deploy' }));
    await user.click(screen.getByRole('button', { name: 'Revoke selected (2)' }));
    expect(fakeApi.tokens.revoke).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(fakeApi.tokens.revoke).toHaveBeenCalledTimes(2));
    expect(fakeApi.tokens.revoke.mock.calls.map(([args]) => args.tokenId)).toEqual([
      'tok-2',
      'tok-1',
    ]);
    expect((await screen.findByTestId('notice-text')).textContent).toContain(
      'Revoked 1; not revoked: ci-deploy: The service refused the credential.',
    );
    expect(fakeApi.audit.list).toHaveBeenCalledTimes(2);
  });
});

describe('Expiry timeline', () => {
  const timeline: Timeline = {
    from: '2025-01-01T00:00:00.000Z',
    to: '2025-04-01T00:00:00.000Z',
    entries: [
      {
        accountId: 'acc-work',
        tokenId: 'tok-1',
        tokenName: 'ci-deploy',
        accountLabel: 'Work',
        kind: 'expiry',
        at: '2025-01-04T00:00:00.000Z',
        urgency: 'high',
      },
      {
        accountId: 'acc-work',
        tokenId: 'tok-2',
        tokenName: 'old-cli',
        accountLabel: 'Work',
        kind: 'expiry',
        at: '2025-02-20T00:00:00.000Z',
        urgency: null,
      },
    ],
  };

  it('places each token by its date, coloured by urgency, and a click shows the token', async () => {
    fakeApi.attention.timeline.mockResolvedValue(timeline);
    const { user } = await renderApp(seeded);
    await user.click(screen.getByRole('button', { name: 'Expiry timeline' }));

    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries.map((e) => e.getAttribute('data-urgency'))).toEqual(['high', 'none']);
    const dot = (e: Element) => Number(e.querySelector('circle')?.getAttribute('cx'));
    // 3 of 90 days and 50 of 90 days along a 480-wide plot that starts at 320.
    expect(dot(entries[0] as Element)).toBeCloseTo(320 + (3 / 90) * 480, 0);
    expect(dot(entries[1] as Element)).toBeCloseTo(320 + (50 / 90) * 480, 0);
    // Two accounts may hold tokens of the same name: each label says whose it is.
    expect(entries[1]?.querySelector('.timeline-label')?.textContent).toBe('old-cli · Work');

    await user.click(screen.getByRole('button', { name: /old-cli \(Work\) expires/ }));

    const focused = screen
      .getAllByTestId('token-row')
      .filter((r) => r.getAttribute('data-focused') === 'true');
    expect(focused.map((r) => r.getAttribute('data-token-id'))).toEqual(['tok-2']);
  });
});
