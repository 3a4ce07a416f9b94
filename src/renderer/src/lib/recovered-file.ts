import type { RecoveredFileNotice } from '../../../shared/model';

/** What each state file holds, in the user's terms: what the recovery may have cost them. */
const contents: Record<string, string> = {
  'accounts.json': 'your accounts',
  'inventory.json': 'the last known token lists',
  'secret-ledger.json': 'which tokens have a secret in the keychain',
  'attention.json': 'reminder rules, snoozes and reminder dates',
  'tracked-tokens.json': 'the tokens you track by hand',
  'publish-bindings.json': 'where tokens are published',
};

export function describeRecovery(notice: RecoveredFileNotice): string {
  const holds = contents[notice.file];
  const what = holds === undefined ? notice.file : `${notice.file} (${holds})`;
  const recovered =
    notice.restoredFrom === 'backup'
      ? 'TokenDesk went back to its last backup; changes made since that backup may be missing.'
      : 'There was no usable backup, so TokenDesk started it over empty.';
  return `${what} was damaged. ${recovered} The damaged copy is kept as ${notice.keptAs}.`;
}
