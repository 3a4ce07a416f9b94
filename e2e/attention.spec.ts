import { DAY_MS, expect, test } from './support/attention-fixture';

test('expiry warnings, snooze until it ends, the last-used audit and the timeline', async ({
  clockedApp,
  attentionKestra,
}) => {
  let app = await clockedApp.open(0);
  await app.addKestraAccount({
    label: 'Kestra production',
    baseUrl: attentionKestra.sim.url,
    userId: attentionKestra.user,
    tenant: attentionKestra.tenant,
    credential: attentionKestra.managementSecret,
  });
  await expect(app.rowNamed('expiring-soon')).toBeVisible();

  // A warning on the row, and (browser target) the reminder in the page.
  await expect(app.rowNamed('expiring-soon').getByTestId('attention-badge')).toHaveText(
    'Expires soon',
  );
  await expect(app.rowNamed('healthy').getByTestId('attention-badge')).toHaveCount(0);
  await expect(app.pageReminders().filter({ hasText: 'expiring-soon' })).toContainText(
    'Expires in 3 days',
  );

  await app.openView('Needs attention');
  const item = app.attentionItem('expiring-soon');
  await expect(item).toContainText('Expires in 3 days');
  await expect(item).toHaveAttribute('data-urgency', 'high');
  await expect(app.attentionItem('never-used')).toContainText(
    'Never used since it was created 40 days ago',
  );
  await expect(app.attentionItem('healthy')).toHaveCount(0);

  await app.snooze('expiring-soon', '1 day');
  await expect(app.page.getByTestId('snoozed-count')).toContainText('1 snoozed token');

  await app.openView('Last-used audit');
  await expect(app.auditRow('never-used')).toContainText('Never used (created 40 days ago)');
  await expect(app.auditRow('healthy')).toHaveCount(0);

  await app.openView('Expiry timeline');
  await expect(app.timelineEntry('expiring-soon')).toHaveAttribute('data-urgency', 'high');
  await expect(app.timelineEntry('never-used')).toBeVisible();
  await app.timelineEntry('never-used').click();
  await expect(app.rowNamed('never-used')).toHaveAttribute('data-focused', 'true');

  // Half a day later, after a restart: the snooze still holds.
  app = await clockedApp.open(DAY_MS / 2);
  await app.openView('Needs attention');
  await expect(app.attentionItem('never-used')).toBeVisible();
  await expect(app.attentionItem('expiring-soon')).toHaveCount(0);

  // A day and an hour later the snooze has ended: the warning is back, a day closer.
  app = await clockedApp.open(DAY_MS + 3600_000);
  await app.openView('Needs attention');
  await expect(app.attentionItem('expiring-soon')).toContainText('Expires in 2 days');

  // The user's rules decide: warned only a day ahead, the token 2 days from expiry leaves the
  // list; the account's own 400-day warning brings in every token that expires within it.
  await app.setWarningDays('1');
  await app.openView('Needs attention');
  await expect(app.attentionItem('expiring-soon')).toHaveCount(0);
  await expect(app.attentionItem('never-used')).toBeVisible();
  await expect(app.attentionItem('healthy')).toHaveCount(0);
  await app.setWarningDays('400, 1', 'Kestra production');
  await app.openView('Needs attention');
  await expect(app.attentionItem('healthy')).toContainText('Expires in');
  await expect(app.attentionItem('expiring-soon')).toBeVisible();
});
