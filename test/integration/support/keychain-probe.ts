// Run as a child process with a broken D-Bus address: prints what the keychain store throws.
import { KeytarSecretStore } from '../../../src/main/platform/keytar-secret-store';

const store = new KeytarSecretStore('TokenDesk-probe');
store.get('probe/key').then(
  (value) => console.log(JSON.stringify({ ok: true, value })),
  (error: unknown) => {
    const { code, message } = error as { code?: string; message?: string };
    console.log(JSON.stringify({ ok: false, code, message }));
  },
);
