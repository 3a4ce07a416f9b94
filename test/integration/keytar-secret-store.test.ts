import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';

const run = promisify(execFile);
const service = `TokenDesk-test-${randomBytes(4).toString('hex')}`;

describe('KeytarSecretStore (real keychain)', () => {
  const store = new KeytarSecretStore(service);

  afterAll(async () => {
    for (const key of await store.list()) await store.delete(key);
  });

  it('stores, reads, lists and deletes a secret', async () => {
    const secret = `canary-${randomBytes(16).toString('hex')}`;
    await store.set('acc-1/tok-1', secret);

    expect(await store.get('acc-1/tok-1')).toBe(secret);
    expect(await store.list()).toEqual(['acc-1/tok-1']);
    expect(await store.delete('acc-1/tok-1')).toBe(true);
    expect(await store.get('acc-1/tok-1')).toBeNull();
    expect(await store.delete('acc-1/tok-1')).toBe(false);
  });

  it('is what secret-tool sees under the service name', async () => {
    const secret = `canary-${randomBytes(16).toString('hex')}`;
    await store.set('acc-2/manage', secret);
    const { stdout } = await run('secret-tool', [
      'lookup',
      'service',
      service,
      'account',
      'acc-2/manage',
    ]);
    expect(stdout).toBe(secret);
  });

  it('says plainly that the keychain is unavailable when no daemon answers', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'support', 'keychain-probe.ts')],
      { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } },
    );
    const outcome = JSON.parse(stdout.trim()) as { ok: boolean; code?: string; message?: string };
    expect(outcome.ok).toBe(false);
    expect(outcome.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(outcome.message).toMatch(/keychain is not available/);
    expect(outcome.message).not.toMatch(/dbus|D-Bus|Could not connect/);
  });
});
