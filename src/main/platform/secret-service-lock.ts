import { execFile } from 'node:child_process';

/**
 * The Secret Service's default collection, where keytar (libsecret) keeps every item. Its
 * `Locked` property can be read without an unlock prompt.
 */
const LOCKED_PROPERTY = [
  '--session',
  '--print-reply=literal',
  '--dest=org.freedesktop.secrets',
  '/org/freedesktop/secrets/aliases/default',
  'org.freedesktop.DBus.Properties.Get',
  'string:org.freedesktop.Secret.Collection',
  'string:Locked',
];

/**
 * Whether the Linux keyring is locked. libsecret answers "no such item" for an item in a locked
 * collection once its unlock prompt could not be shown or was dismissed, so an empty answer from
 * keytar cannot tell "locked" from "absent"; this can. Null when the question cannot be asked:
 * not Linux, no `dbus-send`, no Secret Service, or no answer in time.
 */
export function defaultCollectionLocked(timeoutMs: number): Promise<boolean | null> {
  if (process.platform !== 'linux') return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      [`--reply-timeout=${timeoutMs}`, ...LOCKED_PROPERTY],
      { timeout: timeoutMs, env: process.env },
      (error, stdout) => {
        const answer = /boolean (true|false)/.exec(stdout);
        resolve(error !== null || answer === null ? null : answer[1] === 'true');
      },
    );
  });
}
