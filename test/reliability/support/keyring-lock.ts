import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The password scripts/with-test-keyring.sh gives the private test keyring. */
const TEST_KEYRING_PASSWORD = 'tokendesk-test';
/** gnome-keyring's control protocol (daemon/control/gkd-control-codes.h). */
const OP_UNLOCK = 1;
const RESULT_OK = 0;

/** Locks the private keyring's default collection, as the screen locker or a timeout would. */
export async function lockKeyring(): Promise<void> {
  await run('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/aliases/default',
  ]);
}

/**
 * Unlocks it again with its password over the daemon's control socket, the way PAM does at
 * sign-in: the Secret Service's own Unlock would need a prompt, and there is no display.
 */
export async function unlockKeyring(): Promise<void> {
  const runtimeDir = process.env['XDG_RUNTIME_DIR'];
  if (runtimeDir === undefined) throw new Error('XDG_RUNTIME_DIR is not set: no test keyring');
  const password = Buffer.from(TEST_KEYRING_PASSWORD);
  const packet = Buffer.alloc(12 + password.length);
  packet.writeUInt32BE(packet.length, 0);
  packet.writeUInt32BE(OP_UNLOCK, 4);
  packet.writeUInt32BE(password.length, 8);
  password.copy(packet, 12);
  const reply = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(join(runtimeDir, 'keyring', 'control'), () => {
      // The daemon reads the peer's credentials after one zero byte.
      socket.write(Buffer.from([0]));
      socket.write(packet);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
  if (reply.length < 8 || reply.readUInt32BE(4) !== RESULT_OK) {
    throw new Error(`the test keyring refused to unlock (${reply.toString('hex')})`);
  }
}
