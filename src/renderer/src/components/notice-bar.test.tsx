import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecoveredFileNotice } from '../../../shared/model';
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
