import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecoveredFileNotice, RotationRecoveredNotice } from '../../../shared/model';
import { emitAppNotice, fakeApi, rejection } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { useStore } from '../store';

const KEPT = '/home/me/.config/TokenDesk/accounts.json.corrupt-1735689600000';

function recovered(overrides: Partial<RecoveredFileNotice> = {}): RecoveredFileNotice {
  return {
    id: 'ntc-1',
    kind: 'recovered-file',
    file: 'accounts.json',
    keptAs: KEPT,
    restoredFrom: 'backup',
    at: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const shown = () => screen.queryAllByTestId('recovered-file-notice');

describe('Recovered state file notices', () => {
  it('shows a recovery found before the window was ready, until dismissed in main too', async () => {
    fakeApi.app.notices.mockResolvedValue([recovered()]);
    const { user } = await renderApp();

    const [notice] = await screen.findAllByTestId('recovered-file-notice');
    expect(notice?.textContent).toContain('accounts.json (your accounts) was damaged.');
    expect(notice?.textContent).toContain('went back to its last backup');
    expect(notice?.textContent).toContain(`kept as ${KEPT}`);

    await user.click(
      within(notice as HTMLElement).getByRole('button', {
        name: 'Dismiss the notice about accounts.json',
      }),
    );
    expect(fakeApi.app.dismissNotice).toHaveBeenCalledExactlyOnceWith({ noticeId: 'ntc-1' });
    await waitFor(() => expect(shown()).toEqual([]));
  });

  it('shows a recovery main reports later, once even when the list has it too', async () => {
    await renderApp();
    expect(shown()).toEqual([]);

    const later = recovered({
      id: 'ntc-2',
      file: 'attention.json',
      keptAs: '/data/attention.json.corrupt-1',
      restoredFrom: 'defaults',
    });
    emitAppNotice(later);
    emitAppNotice(later);

    expect(shown()).toHaveLength(1);
    expect(shown()[0]?.textContent).toContain('no usable backup, so TokenDesk started it over');
    expect(shown()[0]?.textContent).toContain('reminder rules');

    // A passing notice shows beside it and leaves it in place.
    act(() => useStore.getState().showNotice({ tone: 'info', text: 'Saved.' }));
    expect(screen.getByTestId('notice-text').textContent).toBe('Saved.');
    expect(shown()).toHaveLength(1);
  });

  it('keeps the notice and says why when main could not dismiss it', async () => {
    fakeApi.app.notices.mockResolvedValue([recovered()]);
    fakeApi.app.dismissNotice.mockRejectedValueOnce(rejection('INTERNAL', 'Something broke.'));
    const { user } = await renderApp();
    await screen.findAllByTestId('recovered-file-notice');

    await user.click(
      screen.getByRole('button', { name: 'Dismiss the notice about accounts.json' }),
    );

    expect(await screen.findByText('Something broke.')).toBeTruthy();
    expect(shown()).toHaveLength(1);
  });
});

describe('Rotations recovered on start', () => {
  const rotationNotice = (overrides: Partial<RotationRecoveredNotice> = {}) =>
    ({
      id: 'ntc-r1',
      kind: 'rotation-recovered',
      rotationId: 'rot-1',
      accountLabel: 'Kestra production',
      tokenName: 'release-bot',
      outcome: 'undone',
      targets: [
        { target: 'octo/app · RELEASE_TOKEN', holds: 'old' },
        { target: '~/.env · KESTRA_API_TOKEN', holds: 'unknown' },
      ],
      detail: null,
      at: '2025-01-01T00:00:00.000Z',
      ...overrides,
    }) satisfies RotationRecoveredNotice;

  it('says per token what recovery did and what each target holds, until dismissed', async () => {
    fakeApi.app.notices.mockResolvedValue([rotationNotice()]);
    const { user } = await renderApp();

    const notice = await screen.findByTestId('rotation-recovery-notice');
    expect(notice.textContent).toContain(
      'TokenDesk undid the rotation of “release-bot” (Kestra production)',
    );
    expect(notice.textContent).toContain('octo/app · RELEASE_TOKEN has the old secret.');
    expect(notice.textContent).toContain(
      '~/.env · KESTRA_API_TOKEN may not hold a working secret: publish to it again.',
    );

    await user.click(
      within(notice).getByRole('button', {
        name: 'Dismiss the notice about the rotation of release-bot',
      }),
    );
    expect(fakeApi.app.dismissNotice).toHaveBeenCalledExactlyOnceWith({ noticeId: 'ntc-r1' });
    await waitFor(() => expect(screen.queryByTestId('rotation-recovery-notice')).toBeNull());
  });

  it('shows one notice per rotation: a later one replaces the earlier', async () => {
    fakeApi.app.notices.mockResolvedValue([rotationNotice()]);
    await renderApp();
    await screen.findByTestId('rotation-recovery-notice');

    emitAppNotice(rotationNotice({ id: 'ntc-r2', outcome: 'rotated', targets: [] }));

    const shownNow = screen.getAllByTestId('rotation-recovery-notice');
    expect(shownNow).toHaveLength(1);
    expect(shownNow[0]?.textContent).toContain('TokenDesk finished the rotation of “release-bot”');
  });
});
