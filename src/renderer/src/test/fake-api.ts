import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { Api, EventPayload } from '../../../shared/contract';
import type { AccountInventory, AppNotice, RotationView } from '../../../shared/model';
import {
  account,
  appInfo,
  attentionSettings,
  provider,
  publishBinding,
  rotationView,
  token,
} from './fixtures';

type InventoryListener = (payload: AccountInventory) => void;
type RotationListener = (payload: RotationView) => void;
const listeners = new Set<InventoryListener>();
const rotationListeners = new Set<RotationListener>();
const noticeListeners = new Set<(payload: AppNotice) => void>();
type AttentionEvent = 'attention:changed' | 'attention:reminder' | 'attention:open';
const attentionListeners = new Map<AttentionEvent, Set<(payload: never) => void>>();

/** Registers a listener of an attention event, as the preload's `onAttention…` methods do. */
function onAttention<E extends AttentionEvent>(event: E) {
  return (listener: (payload: EventPayload<E>) => void): (() => void) => {
    const set = attentionListeners.get(event) ?? new Set();
    attentionListeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
}

/**
 * A stand-in for what the preload exposes. Each method is a vi.fn with a harmless default;
 * `mockReset` (run before every test) brings the default back, so tests only stub what
 * they are about.
 */
export const fakeApi = {
  app: {
    info: vi.fn<Api['app']['info']>(() => Promise.resolve(appInfo())),
    notices: vi.fn<Api['app']['notices']>(() => Promise.resolve([])),
    dismissNotice: vi.fn<Api['app']['dismissNotice']>(() => Promise.resolve({ dismissed: true })),
  },
  providers: { list: vi.fn<Api['providers']['list']>(() => Promise.resolve([provider()])) },
  accounts: {
    list: vi.fn<Api['accounts']['list']>(() => Promise.resolve([])),
    add: vi.fn<Api['accounts']['add']>((args) =>
      Promise.resolve(account({ id: 'acc-new', label: args.label, baseUrl: args.baseUrl })),
    ),
    setCredential: vi.fn<Api['accounts']['setCredential']>((args) =>
      Promise.resolve(account({ id: args.accountId })),
    ),
    remove: vi.fn<Api['accounts']['remove']>(() => Promise.resolve({ removed: true })),
  },
  tokens: {
    inventory: vi.fn<Api['tokens']['inventory']>(() => Promise.resolve([])),
    refresh: vi.fn<Api['tokens']['refresh']>(() => Promise.resolve([])),
    create: vi.fn<Api['tokens']['create']>((args) =>
      Promise.resolve({
        token: token({
          id: 'tok-new',
          accountId: args.accountId,
          name: args.name,
          hasSecret: true,
        }),
        secret: 'kst_fake_secret',
      }),
    ),
    createReplacement: vi.fn<Api['tokens']['createReplacement']>((args) =>
      Promise.resolve({
        token: token({ id: 'tok-replacement', accountId: args.accountId, hasSecret: true }),
        secret: 'kst_fake_secret',
      }),
    ),
    revoke: vi.fn<Api['tokens']['revoke']>(() => Promise.resolve({ revoked: true })),
    rename: vi.fn<Api['tokens']['rename']>(() => Promise.resolve({ renamed: true })),
    setStatus: vi.fn<Api['tokens']['setStatus']>((args) =>
      Promise.resolve({ status: args.status }),
    ),
    track: vi.fn<Api['tokens']['track']>((args) =>
      Promise.resolve(
        token({ id: 'trk-new', accountId: args.accountId, name: args.name, source: 'tracked' }),
      ),
    ),
    verify: vi.fn<Api['tokens']['verify']>(() =>
      Promise.resolve({ works: true, checkedAt: '2025-01-01T00:00:00.000Z', problem: null }),
    ),
    forget: vi.fn<Api['tokens']['forget']>(() => Promise.resolve({ forgotten: true })),
  },
  secrets: {
    copy: vi.fn<Api['secrets']['copy']>(() => Promise.resolve({ clearsAfterSeconds: 30 })),
  },
  import: {
    scan: vi.fn<Api['import']['scan']>(() => Promise.resolve({ candidates: [], problems: [] })),
    apply: vi.fn<Api['import']['apply']>(() => Promise.resolve({ imported: [], failed: [] })),
  },
  rotation: {
    start: vi.fn<Api['rotation']['start']>(() => Promise.resolve({ rotationId: 'rot-1' })),
    list: vi.fn<Api['rotation']['list']>(() => Promise.resolve([])),
    provideSecret: vi.fn<Api['rotation']['provideSecret']>((args) =>
      Promise.resolve(rotationView({ rotationId: args.rotationId })),
    ),
    confirmRevoked: vi.fn<Api['rotation']['confirmRevoked']>((args) =>
      Promise.resolve(rotationView({ rotationId: args.rotationId })),
    ),
    retry: vi.fn<Api['rotation']['retry']>((args) =>
      Promise.resolve(rotationView({ rotationId: args.rotationId })),
    ),
    cancel: vi.fn<Api['rotation']['cancel']>((args) =>
      Promise.resolve(rotationView({ rotationId: args.rotationId, status: 'rolled-back' })),
    ),
    reveal: vi.fn<Api['rotation']['reveal']>(() => Promise.resolve({ secret: 'kst_fake_rotated' })),
  },
  publish: {
    list: vi.fn<Api['publish']['list']>(() => Promise.resolve([])),
    add: vi.fn<Api['publish']['add']>((args) =>
      Promise.resolve(publishBinding({ accountId: args.accountId, tokenId: args.tokenId })),
    ),
    remove: vi.fn<Api['publish']['remove']>(() => Promise.resolve({ removed: true })),
    run: vi.fn<Api['publish']['run']>(() => Promise.resolve([])),
    check: vi.fn<Api['publish']['check']>(() => Promise.resolve({ drifted: 0 })),
    again: vi.fn<Api['publish']['again']>(() => Promise.resolve([])),
  },
  attention: {
    list: vi.fn<Api['attention']['list']>(() =>
      Promise.resolve({ now: '2025-01-01T00:00:00.000Z', items: [], snoozedCount: 0 }),
    ),
    snooze: vi.fn<Api['attention']['snooze']>(() =>
      Promise.resolve({ until: '2025-01-02T00:00:00.000Z' }),
    ),
    setReminder: vi.fn<Api['attention']['setReminder']>((args) =>
      Promise.resolve({ reminderAt: args.remindAt }),
    ),
    settings: vi.fn<Api['attention']['settings']>(() => Promise.resolve(attentionSettings())),
    setSettings: vi.fn<Api['attention']['setSettings']>((args) => Promise.resolve(args.settings)),
    timeline: vi.fn<Api['attention']['timeline']>(() =>
      Promise.resolve({
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-04-01T00:00:00.000Z',
        entries: [],
      }),
    ),
  },
  audit: { list: vi.fn<Api['audit']['list']>(() => Promise.resolve([])) },
  events: {
    onAppNotice: vi.fn<Api['events']['onAppNotice']>((listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    }),
    onInventoryChanged: vi.fn<Api['events']['onInventoryChanged']>((listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    onRotationProgress: vi.fn<Api['events']['onRotationProgress']>((listener) => {
      rotationListeners.add(listener);
      return () => rotationListeners.delete(listener);
    }),
    onAttentionChanged: vi.fn<Api['events']['onAttentionChanged']>(
      onAttention('attention:changed'),
    ),
    onAttentionReminder: vi.fn<Api['events']['onAttentionReminder']>(
      onAttention('attention:reminder'),
    ),
    onAttentionOpen: vi.fn<Api['events']['onAttentionOpen']>(onAttention('attention:open')),
  },
} satisfies Api;

export function resetFakeApi(): void {
  listeners.clear();
  rotationListeners.clear();
  noticeListeners.clear();
  attentionListeners.clear();
  const domains: Record<string, { mockReset: () => unknown }>[] = Object.values(fakeApi);
  for (const domain of domains) {
    for (const method of Object.values(domain)) method.mockReset();
  }
}

/** Pushes an inventory event the way main does after an account refreshes. */
export function emitInventoryChanged(payload: AccountInventory): void {
  act(() => {
    for (const listener of listeners) listener(payload);
  });
}

/** Pushes a notice the way main does (a damaged state file, a rotation recovered on start). */
export function emitAppNotice(payload: AppNotice): void {
  act(() => {
    for (const listener of noticeListeners) listener(payload);
  });
}

/** Pushes a rotation's progress the way main does after each step. */
export function emitRotationProgress(payload: RotationView): void {
  act(() => {
    for (const listener of rotationListeners) listener(payload);
  });
}

/** Pushes an attention event the way main's reminder scheduler (or a notification click) does. */
export function emitAttentionEvent<E extends AttentionEvent>(
  event: E,
  payload: EventPayload<E>,
): void {
  act(() => {
    for (const listener of attentionListeners.get(event) ?? []) {
      (listener as (payload: EventPayload<E>) => void)(payload);
    }
  });
}

export function subscriberCount(): number {
  return listeners.size;
}

/** A main-side rejection as the preload delivers it: `Error("CODE: message")`. */
export function rejection(code: string, message: string): Error {
  return new Error(`${code}: ${message}`);
}

// Installed at import, before any module reads window.api (lib/api.ts reads it once).
Object.defineProperty(window, 'api', { value: fakeApi, configurable: true });
