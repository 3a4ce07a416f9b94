import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { account, attentionSettings, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const work = account({ id: 'acc-work', label: 'Work' });
const seeded = {
  accounts: [work],
  inventory: [inventory({ accountId: 'acc-work', tokens: [token({ id: 'tok-1' })] })],
};

const field = (label: string): HTMLInputElement => screen.getByLabelText(label);

async function openFromNav() {
  const rendered = await renderApp(seeded);
  await rendered.user.click(screen.getByRole('button', { name: 'Reminder rules' }));
  await screen.findByRole('form', { name: 'Reminder rules for all accounts' });
  return rendered;
}

describe('Reminder rules', () => {
  it("shows main's rules for every account and saves a changed threshold", async () => {
    const { user } = await openFromNav();
    expect(field('Warn before expiry (days)').value).toBe('30, 7, 1');
    expect(field('Never used after (days)').value).toBe('14');
    expect(field('Idle after (days)').value).toBe('30');
    expect(field('Rotate every (days)').value).toBe('');
    const listsBefore = fakeApi.attention.list.mock.calls.length;

    await user.clear(field('Warn before expiry (days)'));
    await user.type(field('Warn before expiry (days)'), '3, 14');
    await user.type(field('Rotate every (days)'), '90');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    expect(fakeApi.attention.setSettings).toHaveBeenCalledExactlyOnceWith({
      settings: {
        global: {
          expiryThresholdsDays: [14, 3],
          neverUsedDays: 14,
          idleDays: 30,
          rotateEveryDays: 90,
        },
        accounts: {},
      },
    });
    await waitFor(() =>
      expect(screen.getByTestId('notice-text').textContent).toContain(
        'Saved the reminder rules for all accounts.',
      ),
    );
    // What needs attention is judged again under the new rules.
    expect(fakeApi.attention.list.mock.calls.length).toBeGreaterThan(listsBefore);
  });

  it('says what is wrong next to each field, focuses the first, and sends nothing', async () => {
    const { user } = await openFromNav();

    await user.clear(field('Warn before expiry (days)'));
    await user.type(field('Warn before expiry (days)'), '30, soon');
    await user.clear(field('Idle after (days)'));
    await user.type(field('Idle after (days)'), '0');
    await user.clear(field('Never used after (days)'));
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    const thresholds = field('Warn before expiry (days)');
    expect(thresholds.getAttribute('aria-invalid')).toBe('true');
    expect(thresholds.getAttribute('aria-describedby')).toContain('error');
    const form = screen.getByRole('form', { name: 'Reminder rules for all accounts' });
    expect(form.textContent).toContain('Enter a number of days.');
    expect(form.textContent).toContain('Use at least 1 day.');
    expect(field('Rotate every (days)').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(thresholds));
    expect(fakeApi.attention.setSettings).not.toHaveBeenCalled();
  });

  it("shows main's refusal and keeps what the user typed", async () => {
    fakeApi.attention.setSettings.mockRejectedValueOnce(
      rejection('VALIDATION', 'Warn before expiry on different days: a day is given twice.'),
    );
    const { user } = await openFromNav();

    await user.clear(field('Warn before expiry (days)'));
    await user.type(field('Warn before expiry (days)'), '7, 7');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Warn before expiry on different days: a day is given twice.',
    );
    expect(field('Warn before expiry (days)').value).toBe('7, 7');
  });

  it("opens from an account's menu on that account's rules, and saves only the rules it owns", async () => {
    const { user } = await renderApp(seeded);

    await user.click(screen.getByRole('button', { name: 'More actions for Work' }));
    await user.click(screen.getByRole('menuitem', { name: 'Reminder rules for Work' }));

    const form = await screen.findByRole('form', { name: 'Reminder rules for Work' });
    expect(screen.getByLabelText<HTMLSelectElement>('Rules for').value).toBe('acc-work');
    // Following the rules of all accounts until the account has its own.
    expect(field('Idle after (days)').disabled).toBe(true);
    await user.click(
      within(form).getByRole('checkbox', { name: 'Own rule for Work: idle after (days)' }),
    );
    await user.clear(field('Idle after (days)'));
    await user.type(field('Idle after (days)'), '60');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    expect(fakeApi.attention.setSettings).toHaveBeenCalledExactlyOnceWith({
      settings: { ...attentionSettings(), accounts: { 'acc-work': { idleDays: 60 } } },
    });
  });

  it('lets an account follow the rules of all accounts again, dropping its own', async () => {
    fakeApi.attention.settings.mockResolvedValue(
      attentionSettings({ accounts: { 'acc-work': { expiryThresholdsDays: [90] } } }),
    );
    const { user } = await renderApp(seeded);
    await user.click(screen.getByRole('button', { name: 'More actions for Work' }));
    await user.click(screen.getByRole('menuitem', { name: 'Reminder rules for Work' }));
    await screen.findByRole('form', { name: 'Reminder rules for Work' });
    expect(field('Warn before expiry (days)').value).toBe('90');

    await user.click(
      screen.getByRole('checkbox', { name: 'Own rule for Work: warn before expiry (days)' }),
    );
    expect(field('Warn before expiry (days)').value).toBe('30, 7, 1');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    expect(fakeApi.attention.setSettings).toHaveBeenCalledExactlyOnceWith({
      settings: attentionSettings(),
    });
  });
});
