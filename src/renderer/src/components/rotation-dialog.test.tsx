import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emitRotationProgress, fakeApi, rejection } from '../test/fake-api';
import {
  account,
  guidedAccount,
  guidedProvider,
  inventory,
  provider,
  rotationView,
  token,
} from '../test/fixtures';
import { renderApp } from '../test/render-app';
import { provenRotation, stepsWith } from '../test/rotation-fixtures';

const kestraSeed = {
  providers: [provider()],
  accounts: [account()],
  inventory: [inventory({ tokens: [token({ id: 'tok-1', name: 'ci-deploy', hasSecret: true })] })],
};

const view = (): HTMLElement => screen.getByTestId('rotation-view');
const outcome = (): HTMLElement => screen.getByTestId('rotation-outcome');
const stepState = (step: string): string | null => {
  const item = within(view())
    .getAllByTestId('rotation-step')
    .find((li) => li.getAttribute('data-step') === step);
  if (item === undefined) throw new Error(`no step ${step}`);
  return item.getAttribute('data-state');
};

async function rotateKestra() {
  const app = await renderApp(kestraSeed);
  await app.user.click(screen.getByRole('button', { name: 'Rotate ci-deploy' }));
  await screen.findByTestId('rotation-view');
  return app;
}

describe('Rotate on a token row', () => {
  it('starts in one click and follows the steps main reports', async () => {
    await rotateKestra();
    expect(fakeApi.rotation.start).toHaveBeenCalledWith({
      accountId: 'acc-work',
      tokenId: 'tok-1',
    });
    expect(view().textContent).toContain('Starting…');

    emitRotationProgress(rotationView({ steps: stepsWith({ intent: 'done', create: 'running' }) }));
    expect(stepState('intent')).toBe('done');
    expect(stepState('create')).toBe('running');
    expect(outcome().textContent).toContain('Rotating “ci-deploy”…');
    expect(within(view()).getByText(/second token with the same settings/)).toBeTruthy();
    expect(screen.queryByTestId('rotation-actions')).toBeNull();
    // Behind the dialog the row leads back to the rotation instead of starting another.
    expect(
      screen.getByRole('button', { name: 'Show rotation of ci-deploy', hidden: true }),
    ).toBeTruthy();
  });

  it('says "Rotated" only with the new token verified and the old one revoked', async () => {
    await rotateKestra();
    emitRotationProgress(provenRotation());
    expect(outcome().getAttribute('data-outcome')).toBe('proven');
    expect(outcome().textContent).toContain('Rotated. The new token “ci-deploy-r1a2b3c4” works');
    expect(outcome().textContent).toContain(
      'the old token “ci-deploy” was revoked at Kestra Enterprise',
    );
    expect(stepState('publish')).toBe('skipped');
    expect(within(view()).getByText('Skipped: no targets')).toBeTruthy();
  });

  it('claims no success when the record lacks a proof', async () => {
    await rotateKestra();
    emitRotationProgress(
      provenRotation({
        steps: stepsWith({ intent: 'done', create: 'done', store: 'done', verify: 'done' }),
      }),
    );
    expect(outcome().getAttribute('data-outcome')).toBe('done');
    expect(outcome().textContent).not.toContain('Rotated.');
    expect(outcome().textContent).toContain('lacks the proof');
  });

  it('offers a retry when the old token could not be revoked', async () => {
    const { user } = await rotateKestra();
    emitRotationProgress(
      rotationView({
        status: 'revoke-pending',
        phase: 'revoke-pending',
        newTokenId: 'tok-2',
        canRetry: false,
        canCancel: false,
        error: { code: 'UNREACHABLE', message: 'kestra.example.com did not answer.' },
        steps: stepsWith({
          intent: 'done',
          create: 'done',
          store: 'done',
          verify: 'done',
          publish: 'skipped',
          promote: 'done',
          revoke: 'failed',
        }),
      }),
    );
    expect(outcome().textContent).toContain('Waiting for you');
    expect(screen.getByTestId('rotation-instruction').textContent).toContain(
      '“ci-deploy” is still active at Kestra Enterprise: retry to revoke it',
    );
    expect(screen.getByTestId('rotation-error').textContent).toBe(
      'kestra.example.com did not answer.',
    );
    expect(within(view()).queryByRole('button', { name: 'Cancel rotation' })).toBeNull();
    fakeApi.rotation.retry.mockResolvedValueOnce(
      provenRotation({ updatedAt: '2025-01-01T11:00:00.000Z' }),
    );
    await user.click(within(view()).getByRole('button', { name: 'Retry' }));
    expect(fakeApi.rotation.retry).toHaveBeenCalledWith({ rotationId: 'rot-1' });
    await waitFor(() => expect(outcome().getAttribute('data-outcome')).toBe('proven'));
  });

  it('says a rollback changed nothing, and why it happened', async () => {
    await rotateKestra();
    emitRotationProgress(
      rotationView({
        status: 'rolled-back',
        phase: 'rolled-back',
        error: { code: 'AUTH_FAILED', message: 'Kestra refused the new token.' },
        steps: stepsWith({ intent: 'done', create: 'done', store: 'done', verify: 'failed' }),
      }),
    );
    expect(outcome().textContent).toContain('Rolled back: nothing changed.');
    expect(outcome().textContent).toContain('“ci-deploy” is still the current token.');
    expect(screen.getByTestId('rotation-error').textContent).toBe(
      'Why: Kestra refused the new token.',
    );
    expect(stepState('verify')).toBe('failed');
  });

  it('reveals the new secret once, on request, and forgets it when done', async () => {
    const { user } = await rotateKestra();
    emitRotationProgress(provenRotation({ revealAvailable: true }));
    fakeApi.rotation.reveal.mockResolvedValueOnce({ secret: 'kst_rotated_secret' });
    await user.click(within(view()).getByRole('button', { name: 'Show the new token' }));
    expect(fakeApi.rotation.reveal).toHaveBeenCalledWith({ rotationId: 'rot-1' });
    const secret = await screen.findByTestId<HTMLInputElement>('revealed-secret');
    expect(secret.value).toBe('kst_rotated_secret');

    await user.click(within(view()).getByRole('button', { name: 'Copy' }));
    expect(fakeApi.secrets.copy).toHaveBeenCalledWith({ accountId: 'acc-work', tokenId: 'tok-2' });

    // Main reports the reveal used up; Done drops the secret from the page.
    emitRotationProgress(
      provenRotation({ revealAvailable: false, updatedAt: '2025-01-01T10:00:05.000Z' }),
    );
    await user.click(within(view()).getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('revealed-secret')).toBeNull();
    expect(within(view()).queryByRole('button', { name: 'Show the new token' })).toBeNull();
    expect(document.body.textContent).not.toContain('kst_rotated_secret');
  });
});

describe('a guided rotation', () => {
  const seed = {
    providers: [guidedProvider()],
    accounts: [guidedAccount()],
    inventory: [
      inventory({
        accountId: 'acc-pod',
        tokens: [
          token({
            id: 'trk-1',
            accountId: 'acc-pod',
            name: 'training',
            source: 'tracked',
            hasSecret: true,
          }),
        ],
      }),
    ],
  };
  const guided = (overrides: Parameters<typeof rotationView>[0]) =>
    rotationView({
      accountId: 'acc-pod',
      method: 'guided',
      oldTokenId: 'trk-1',
      oldTokenName: 'training',
      newTokenName: 'training',
      tokenPageUrl: 'https://console.podstack.ai/settings/tokens',
      canCancel: false,
      canRetry: false,
      ...overrides,
    });

  it('asks for the pasted token, then for the dashboard revoke, and reports a failed check', async () => {
    const { user } = await renderApp(seed);
    await user.click(screen.getByRole('button', { name: 'Rotate training' }));
    await screen.findByTestId('rotation-view');
    emitRotationProgress(
      guided({
        status: 'needs-user',
        waitingFor: 'secret',
        phase: 'awaiting-secret',
        steps: stepsWith({ intent: 'done' }),
      }),
    );
    expect(screen.getByTestId('rotation-instruction').textContent).toContain(
      "Create a new token in Podstack's dashboard named “training”",
    );
    const link = within(view()).getByRole('link', { name: "Open Podstack's token page" });
    expect(link.getAttribute('href')).toBe('https://console.podstack.ai/settings/tokens');
    expect(within(view()).getByRole('button', { name: 'Cancel rotation' })).toBeTruthy();

    await user.click(within(view()).getByRole('button', { name: 'Check and continue' }));
    expect(within(view()).getByRole('alert').textContent).toBe('Paste the new token first.');
    expect(fakeApi.rotation.provideSecret).not.toHaveBeenCalled();

    fakeApi.rotation.provideSecret.mockResolvedValueOnce(
      guided({
        status: 'needs-user',
        waitingFor: 'revoke',
        phase: 'awaiting-revoke',
        newTokenId: 'trk-2',
        updatedAt: '2025-01-01T10:00:00.000Z',
        steps: stepsWith({
          intent: 'done',
          create: 'done',
          store: 'done',
          verify: 'done',
          publish: 'skipped',
          promote: 'done',
        }),
      }),
    );
    await user.type(within(view()).getByLabelText('New token'), 'pod_new_secret');
    await user.click(within(view()).getByRole('button', { name: 'Check and continue' }));
    expect(fakeApi.rotation.provideSecret).toHaveBeenCalledWith({
      rotationId: 'rot-1',
      secret: 'pod_new_secret',
    });
    expect(screen.getByTestId('rotation-instruction').textContent).toContain(
      "Revoke the old token “training” in Podstack's dashboard",
    );
    expect(within(view()).queryByLabelText('New token')).toBeNull();

    fakeApi.rotation.confirmRevoked.mockRejectedValueOnce(
      rejection('CONFLICT', 'The old token “training” still works.'),
    );
    await user.click(within(view()).getByRole('button', { name: 'I revoked it — check now' }));
    expect(fakeApi.rotation.confirmRevoked).toHaveBeenCalledWith({ rotationId: 'rot-1' });
    expect(within(view()).getByRole('alert').textContent).toBe(
      'The old token “training” still works.',
    );
    expect(outcome().getAttribute('data-outcome')).toBe('needs-user');
  });
});
