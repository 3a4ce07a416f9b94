import keytar from 'keytar';
import { AppError } from '../../shared/errors';
import { KEYCHAIN_SERVICE, type SecretStore } from '../core/secrets/secret-store';

const UNAVAILABLE =
  'The system keychain is not available, so TokenDesk cannot read or store secrets. ' +
  'On Linux, start a Secret Service (GNOME Keyring or KWallet) and unlock it; on macOS and ' +
  'Windows, unlock your login keychain or credential store. Nothing was changed.';

/** The OS keychain: macOS Keychain, Windows Credential Manager or the Secret Service on Linux. */
export class KeytarSecretStore implements SecretStore {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  get(key: string): Promise<string | null> {
    return guard(() => keytar.getPassword(this.service, key));
  }

  set(key: string, secret: string): Promise<void> {
    return guard(() => keytar.setPassword(this.service, key, secret));
  }

  delete(key: string): Promise<boolean> {
    return guard(() => keytar.deletePassword(this.service, key));
  }

  async list(): Promise<string[]> {
    // keytar can only list with the values; they are dropped here and never passed on.
    const credentials = await guard(() => keytar.findCredentials(this.service));
    return credentials.map((credential) => credential.account);
  }
}

/** keytar's errors are the platform's own words (D-Bus, libsecret); users get ours instead. */
async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch {
    throw new AppError('KEYCHAIN_UNAVAILABLE', UNAVAILABLE);
  }
}
