import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { rotationView } from '../test/fixtures';
import { useStore } from './index';
import { unfinishedRotations } from './rotation.slice';

const state = () => useStore.getState();
const statusOf = (rotationId: string) => {
  const view = state().rotations[rotationId];
  if (view === undefined) throw new Error(`no rotation ${rotationId}`);
  return view.status;
};
const ref = { accountId: 'acc-work', tokenId: 'tok-1' };

describe('rotation slice', () => {
  it('keeps the newer view when an event and an answer cross', () => {
    const newer = rotationView({ status: 'done', updatedAt: '2025-01-01T10:00:02.000Z' });
    const older = rotationView({ status: 'running', updatedAt: '2025-01-01T10:00:01.000Z' });
    state().applyRotation(newer);
    state().applyRotation(older);
    expect(statusOf('rot-1')).toBe('done');
  });

  it('loads the list, and the unfinished ones come oldest first', async () => {
    fakeApi.rotation.list.mockResolvedValueOnce([
      rotationView({ rotationId: 'b', status: 'needs-user', startedAt: '2025-01-02T00:00:00Z' }),
      rotationView({
        rotationId: 'a',
        status: 'revoke-pending',
        startedAt: '2025-01-01T00:00:00Z',
      }),
      rotationView({ rotationId: 'c', status: 'done' }),
    ]);
    await state().loadRotations();
    expect(unfinishedRotations(state().rotations).map((v) => v.rotationId)).toEqual(['a', 'b']);
  });

  it('starts a rotation and opens its progress', async () => {
    fakeApi.rotation.start.mockResolvedValueOnce({ rotationId: 'rot-9' });
    const starting = state().startRotation(ref, 'ci-deploy');
    expect([...state().startingRotations]).toEqual(['acc-work/tok-1']);
    await starting;
    expect(fakeApi.rotation.start).toHaveBeenCalledWith(ref);
    expect(state().startingRotations.size).toBe(0);
    expect(state().dialog).toEqual({ kind: 'rotation', rotationId: 'rot-9' });
  });

  it('says why a rotation did not start and opens nothing', async () => {
    fakeApi.rotation.start.mockRejectedValueOnce(
      rejection('CONFLICT', 'Podstack allows at most 5 active tokens.'),
    );
    await state().startRotation(ref, 'training');
    expect(state().dialog).toBeNull();
    expect(state().notice).toEqual({
      tone: 'error',
      text: 'training: Podstack allows at most 5 active tokens.',
    });
  });

  it('rotates the selection one by one, lists refusals and clears the selection', async () => {
    state().toggleSelected({ accountId: 'a', tokenId: '1' });
    state().toggleSelected({ accountId: 'a', tokenId: '2' });
    state().toggleSelected({ accountId: 'b', tokenId: '3' });
    state().toggleSelected({ accountId: 'a', tokenId: '2' });
    expect([...state().selectedTokens]).toEqual(['a/1', 'b/3']);
    fakeApi.rotation.start
      .mockResolvedValueOnce({ rotationId: 'r1' })
      .mockRejectedValueOnce(rejection('UNSUPPORTED', 'Cannot rotate here.'));

    await state().rotateSelected({ 'a/1': 'one', 'b/3': 'three' });

    expect(fakeApi.rotation.start.mock.calls.map(([args]) => args)).toEqual([
      { accountId: 'a', tokenId: '1' },
      { accountId: 'b', tokenId: '3' },
    ]);
    expect(state().rotationStartProblems).toEqual([
      { tokenName: 'three', message: 'Cannot rotate here.' },
    ]);
    expect(state().selectedTokens.size).toBe(0);
    expect(state().dialog).toEqual({ kind: 'rotations' });
    expect(fakeApi.rotation.list).toHaveBeenCalled();
  });

  it("takes each answer's view and rejects with the error for the dialog", async () => {
    fakeApi.rotation.retry.mockResolvedValueOnce(
      rotationView({ status: 'done', updatedAt: '2025-01-01T11:00:00.000Z' }),
    );
    await state().retryRotation('rot-1');
    expect(statusOf('rot-1')).toBe('done');

    fakeApi.rotation.confirmRevoked.mockRejectedValueOnce(
      rejection('CONFLICT', 'The old token “x” still works.'),
    );
    await expect(state().confirmOldRevoked('rot-1')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The old token “x” still works.',
    });
  });
});
