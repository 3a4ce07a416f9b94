/**
 * The app's core as a child process, for the crash harness:
 *
 *   node --import tsx test/crash/rotation-worker.ts
 *
 * Environment: TD_DATA_DIR, TD_KEYCHAIN_SERVICE, TD_SIM_URL, TD_ACTION (rotate | recover),
 * TD_ACCOUNT_ID and TD_TOKEN_ID (rotate), TD_PAUSE_AT (`<checkpoint>#<n>`: stop at the n-th
 * passage of that checkpoint, say so on stdout and wait for a line on stdin), TD_TRACE=1 (print
 * every checkpoint passed), TD_USER (guided: what the user does in the dashboard, see
 * guided-user.ts; done after recovery and after the rotation's own run).
 *
 * It starts like the app (compose.ts): core first, then `rotation.recover()` — awaited here, so
 * the harness knows when recovery is over — then, for `rotate`, one rotation to its end. Stdout
 * carries one JSON object per line and never a secret.
 */
import { createInterface } from 'node:readline';
import type { RotationView } from '../../src/shared/model';
import { actAsUser, type GuidedUser } from './guided-user';
import { startRotationStack } from './rotation-stack';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

function say(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

const lines = createInterface({ input: process.stdin });
const waiting: Array<() => void> = [];
lines.on('line', () => waiting.shift()?.());

const pauseAt = process.env['TD_PAUSE_AT'] ?? '';
const trace = process.env['TD_TRACE'] === '1';
const passages = new Map<string, number>();

async function checkpoint(point: string): Promise<void> {
  const nth = (passages.get(point) ?? 0) + 1;
  passages.set(point, nth);
  if (trace) say({ checkpoint: point, nth });
  if (`${point}#${nth}` !== pauseAt) return;
  say({ paused: pauseAt });
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function summary(view: RotationView) {
  const { rotationId, status, waitingFor, newTokenId, error } = view;
  return { rotationId, status, waitingFor, newTokenId, error: error === null ? null : error.code };
}

async function main(): Promise<void> {
  const stack = await startRotationStack({
    dataDir: env('TD_DATA_DIR'),
    keychainService: env('TD_KEYCHAIN_SERVICE'),
    checkpoint,
    requestTimeoutMs: 5_000,
  });
  const user = process.env['TD_USER'] ?? '';
  const userActs = () =>
    user === ''
      ? Promise.resolve()
      : actAsUser(stack, JSON.parse(user) as GuidedUser, env('TD_SIM_URL'));
  await stack.core.rotation.recover();
  await userActs();
  if (env('TD_ACTION') === 'rotate') {
    const { rotationId } = await stack.core.rotation.start(
      env('TD_ACCOUNT_ID'),
      env('TD_TOKEN_ID'),
    );
    await stack.core.rotation.whenSettled(rotationId);
    await userActs();
  }
  const views = await stack.core.rotation.list();
  say({ settled: views.map(summary), simUrl: env('TD_SIM_URL') });
  await stack.close();
  lines.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
    say({ failed: typeof code === 'string' ? code : 'INTERNAL' });
    process.exit(1);
  },
);
