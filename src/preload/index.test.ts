import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronFakes, type ElectronFakes } from '../main/test-support/electron-fakes';
import { channels, type Api } from '../shared/contract';
import type { AccountInventory } from '../shared/model';

// The preload does its work when it is loaded, so each test loads it afresh with fresh fakes.
let electron: ElectronFakes;

beforeEach(async () => {
  vi.resetModules();
  electron = createElectronFakes();
  vi.doMock('electron', () => electron);
  await import('./index');
});

function exposedApi(): Api {
  const call = electron.contextBridge.exposeInMainWorld.mock.lastCall;
  if (call === undefined) throw new Error('nothing was exposed to the page');
  return call[1] as Api;
}

const inventory: AccountInventory = {
  accountId: 'acc-1',
  state: 'ok',
  asOf: null,
  stale: false,
  refreshing: false,
  error: null,
  leasedBy: null,
  tokens: [],
};

describe('the Electron preload', () => {
  it('exposes one object, as window.api, and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledWith(
      'api',
      expect.any(Object),
    );
    expect(Object.isFrozen(exposedApi())).toBe(true);
  });

  it('does not hand the page ipcRenderer or its invoke', () => {
    const api = exposedApi();
    const groups: Record<string, unknown>[] = Object.values(api);
    const exposed = [api, ...groups, ...groups.flatMap((group) => Object.values(group))];

    expect(exposed).not.toContain(electron.ipcRenderer);
    expect(exposed).not.toContain(electron.ipcRenderer.invoke);
  });

  it('turns a method call into ipcRenderer.invoke(channel, args)', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { revoked: true } });

    const result = await exposedApi().tokens.revoke({ accountId: 'acc-1', tokenId: 'tok-1' });

    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('tokens:revoke', {
      accountId: 'acc-1',
      tokenId: 'tok-1',
    });
    expect(result).toEqual({ revoked: true });
  });

  it('reaches every contract channel through invoke', async () => {
    const api = exposedApi();

    await Promise.all([
      api.app.info(),
      api.app.notices(),
      api.app.dismissNotice({ noticeId: 'ntc-1' }),
      api.providers.list(),
      api.accounts.list(),
      api.accounts.add({
        provider: 'kestra',
        label: 'Work',
        baseUrl: 'https://kestra.example.com',
        settings: {},
        credential: 'a-management-token',
      }),
      api.accounts.setCredential({ accountId: 'acc-1', credential: 'a-new-token' }),
      api.accounts.remove({ accountId: 'acc-1' }),
      api.tokens.inventory(),
      api.tokens.refresh(),
      api.tokens.create({ accountId: 'acc-1', name: 'ci', expiry: { kind: 'never' } }),
      api.tokens.createReplacement({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.tokens.revoke({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.tokens.rename({ accountId: 'acc-1', tokenId: 'tok-1', name: 'chat-app' }),
      api.tokens.setStatus({ accountId: 'acc-1', tokenId: 'tok-1', status: 'inactive' }),
      api.tokens.track({ accountId: 'acc-1', name: 'ci', secret: 'pasted' }),
      api.tokens.verify({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.tokens.forget({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.secrets.copy({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.import.scan({ sources: [{ kind: 'environment' }] }),
      api.import.apply({ accountId: 'acc-1', items: [{ candidateId: 'imp-1', name: 'ci' }] }),
      api.rotation.start({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.rotation.list(),
      api.rotation.provideSecret({ rotationId: 'rot-1', secret: 'pasted' }),
      api.rotation.confirmRevoked({ rotationId: 'rot-1' }),
      api.rotation.retry({ rotationId: 'rot-1' }),
      api.rotation.cancel({ rotationId: 'rot-1' }),
      api.rotation.reveal({ rotationId: 'rot-1' }),
      api.publish.list({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.publish.add({
        accountId: 'acc-1',
        tokenId: 'tok-1',
        target: { kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' },
      }),
      api.publish.remove({ accountId: 'acc-1', tokenId: 'tok-1', targetId: 'pub-1' }),
      api.publish.run({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.publish.check(),
      api.publish.again({ accountId: 'acc-1', tokenId: 'tok-1' }),
      api.attention.list(),
      api.attention.snooze({ accountId: 'acc-1', tokenId: 'tok-1', days: 1 }),
      api.attention.setReminder({ accountId: 'acc-1', tokenId: 'tok-1', remindAt: null }),
      api.attention.settings(),
      api.attention.setSettings({
        settings: {
          global: {
            expiryThresholdsDays: [30, 7, 1],
            neverUsedDays: 14,
            idleDays: 30,
            rotateEveryDays: null,
          },
          accounts: {},
        },
      }),
      api.attention.timeline(),
      api.audit.list(),
    ]);

    const invoked = electron.ipcRenderer.invoke.mock.calls.map(([channel]) => channel);
    expect([...invoked].sort()).toEqual([...channels].sort());
  });

  it('rejects with the encoded error when main answers with a failure', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'SENDER_REJECTED', message: 'This request did not come from TokenDesk.' },
    });

    await expect(exposedApi().accounts.list()).rejects.toThrow(
      'SENDER_REJECTED: This request did not come from TokenDesk.',
    );
  });

  it('gives an event listener the payload only, never the IPC event', () => {
    const listener = vi.fn<(payload: AccountInventory) => void>();
    exposedApi().events.onInventoryChanged(listener);

    electron.ipcRenderer.push('inventory:changed', inventory);

    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0]).toEqual([inventory]);
    expect(listener.mock.calls[0]).not.toContain(electron.ipcRenderer.ipcEvent);
  });

  it('unsubscribes with removeListener on the very function it registered', () => {
    const on = vi.spyOn(electron.ipcRenderer, 'on');
    const removeListener = vi.spyOn(electron.ipcRenderer, 'removeListener');
    const listener = vi.fn<(payload: AccountInventory) => void>();

    const unsubscribe = exposedApi().events.onInventoryChanged(listener);
    unsubscribe();
    electron.ipcRenderer.push('inventory:changed', inventory);

    expect(on).toHaveBeenCalledExactlyOnceWith('inventory:changed', expect.any(Function));
    expect(removeListener).toHaveBeenCalledExactlyOnceWith(
      'inventory:changed',
      on.mock.calls[0]?.[1],
    );
    expect(electron.ipcRenderer.listenerCount('inventory:changed')).toBe(0);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps other subscriptions when one unsubscribes', () => {
    const first = vi.fn<(payload: AccountInventory) => void>();
    const second = vi.fn<(payload: AccountInventory) => void>();
    const api = exposedApi();

    api.events.onInventoryChanged(first)();
    api.events.onInventoryChanged(second);
    electron.ipcRenderer.push('inventory:changed', inventory);

    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith(inventory);
  });
});
