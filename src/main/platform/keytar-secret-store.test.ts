import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { KeytarSecretStore } from './keytar-secret-store';

const keytar = vi.hoisted(() => ({
  getPassword: vi.fn<(service: string, key: string) => Promise<string | null>>(),
  setPassword: vi.fn<(service: string, key: string, secret: string) => Promise<void>>(),
  deletePassword: vi.fn<(service: string, key: string) => Promise<boolean>>(),
  findCredentials:
    vi.fn<(service: string) => Promise<Array<{ account: string; password: string }>>>(),
}));
const lock = vi.hoisted(() => ({ state: null as boolean | null }));

vi.mock('keytar', () => ({ default: keytar }));
vi.mock('./secret-service-lock', () => ({
  defaultCollectionLocked: () => Promise.resolve(lock.state),
}));

const SECRET = 'kst_canary_9fQ2wXyL7mN3vB8cD1eH4jK6';
const store = new KeytarSecretStore('TokenDesk-unit', { timeoutMs: 5_000 });

/** The error a call ends with; fails the test when the call succeeds. */
async function failureOf(call: Promise<unknown>): Promise<AppError> {
  const error: unknown = await call.then(
    () => new Error('the call succeeded'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(() => {
  vi.resetAllMocks();
  lock.state = false;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('KeytarSecretStore', () => {
  it('passes values through while the keyring is open', async () => {
    keytar.getPassword.mockResolvedValueOnce(SECRET).mockResolvedValueOnce(null);
    keytar.findCredentials.mockResolvedValue([{ account: 'a/manage', password: SECRET }]);

    expect(await store.get('a/manage')).toBe(SECRET);
    expect(await store.get('a/t1')).toBeNull();
    expect(await store.list()).toEqual(['a/manage']);
  });

  it.each([
    ['get', () => (keytar.getPassword.mockResolvedValue(null), store.get('a/t1'))],
    ['delete', () => (keytar.deletePassword.mockResolvedValue(false), store.delete('a/t1'))],
    ['list', () => (keytar.findCredentials.mockResolvedValue([]), store.list())],
  ] as const)(
    'does not pass the empty answer of a locked keyring off as "absent" (%s)',
    async (_name, call) => {
      lock.state = true;
      const error = await failureOf(call());
      expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(error.message).toMatch(/keyring is locked.*Unlock your keyring/);
    },
  );

  it('says the keyring is locked when a write is refused for that reason', async () => {
    lock.state = true;
    keytar.setPassword.mockRejectedValue(new Error('Cannot create an item in a locked collection'));

    const error = await failureOf(store.set('a/t1', SECRET));
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/Unlock your keyring/);
    expect(error.message).not.toMatch(/collection|D-Bus/);
  });

  it('keeps the platform words and the secret out of other failures', async () => {
    lock.state = null;
    keytar.setPassword.mockRejectedValue(new Error(`org.freedesktop.DBus.Error ${SECRET}`));

    const error = await failureOf(store.set('a/t1', SECRET));
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/keychain is not available/);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toMatch(/DBus/);
  });

  it('gives up on a call that never answers (an unlock prompt nobody sees)', async () => {
    vi.useFakeTimers();
    keytar.getPassword.mockReturnValue(new Promise<never>(() => undefined));

    const outcome = failureOf(store.get('a/manage'));
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await outcome;
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/did not answer within 5 seconds/);
  });

  it('reports a locked keyring behind a call that never answers as locked', async () => {
    vi.useFakeTimers();
    lock.state = true;
    keytar.setPassword.mockReturnValue(new Promise<never>(() => undefined));

    const outcome = failureOf(store.set('a/t1', SECRET));
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await outcome).message).toMatch(/keyring is locked/);
  });
});
