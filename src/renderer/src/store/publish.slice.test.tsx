import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { publishBinding } from '../test/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();
const ref = { accountId: 'acc-work', tokenId: 'tok-1' };
const listOf = () => {
  const list = state().bindings['acc-work/tok-1'];
  if (list === undefined) throw new Error('no list for the token');
  return list;
};

describe('publish slice', () => {
  it('lists, adds and removes the targets of one token', async () => {
    fakeApi.publish.list.mockResolvedValueOnce([publishBinding({ id: 'p1' })]);
    await state().loadBindings(ref);
    expect(fakeApi.publish.list).toHaveBeenCalledWith(ref);

    const target = { kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' } as const;
    fakeApi.publish.add.mockResolvedValueOnce(publishBinding({ id: 'p2' }));
    await state().addBinding(ref, target);
    expect(fakeApi.publish.add).toHaveBeenCalledWith({ ...ref, target });
    expect(listOf().map((b) => b.id)).toEqual(['p1', 'p2']);

    await state().removeBinding(ref, 'p1');
    expect(fakeApi.publish.remove).toHaveBeenCalledWith({ ...ref, targetId: 'p1' });
    expect(listOf().map((b) => b.id)).toEqual(['p2']);
  });

  it('keeps the list when main refuses a target', async () => {
    fakeApi.publish.list.mockResolvedValueOnce([publishBinding({ id: 'p1' })]);
    await state().loadBindings(ref);
    fakeApi.publish.add.mockRejectedValueOnce(
      rejection('VALIDATION', 'Enter the GitHub repository as owner/name.'),
    );
    await expect(
      state().addBinding(ref, { kind: 'dotenv', path: '/x/.env', key: 'A' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(listOf().map((b) => b.id)).toEqual(['p1']);
  });

  it('records each outcome of a publish on its target', async () => {
    fakeApi.publish.list.mockResolvedValueOnce([
      publishBinding({ id: 'p1' }),
      publishBinding({ id: 'p2' }),
      publishBinding({ id: 'p3' }),
    ]);
    await state().loadBindings(ref);
    fakeApi.publish.run.mockResolvedValueOnce([
      { targetId: 'p1', ok: true, verifiedAt: '2025-01-01T10:00:00.000Z', error: null },
      {
        targetId: 'p2',
        ok: false,
        verifiedAt: null,
        error: { code: 'NOT_FOUND', message: 'No such repository.' },
      },
    ]);
    await state().runPublish(ref, ['p1', 'p2']);
    expect(fakeApi.publish.run).toHaveBeenCalledWith({ ...ref, targetIds: ['p1', 'p2'] });
    const [p1, p2, p3] = listOf().map((b) => b.lastResult);
    expect(p1).toEqual({
      ok: true,
      verifiedAt: '2025-01-01T10:00:00.000Z',
      error: null,
      at: '2025-01-01T10:00:00.000Z',
    });
    expect(p2).toMatchObject({ ok: false, error: { message: 'No such repository.' } });
    expect(p3).toBeNull();
  });
});
