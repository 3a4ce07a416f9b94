import keytar from 'keytar';
import { AppError } from '../../shared/errors';
import { KEYCHAIN_SERVICE, type SecretStore } from '../core/secrets/secret-store';
import { defaultCollectionLocked } from './secret-service-lock';

const UNAVAILABLE =
  'The system keychain is not available, so TokenDesk cannot read or store secrets. ' +
  'On Linux, start a Secret Service (GNOME Keyring or KWallet) and unlock it; on macOS and ' +
  'Windows, unlock your login keychain or credential store.';

const LOCKED =
  'Your keyring is locked, so TokenDesk cannot read or store secrets. Unlock your keyring ' +
  '(for example in Passwords and Keys, or by signing in again) and try again.';

const NO_ANSWER = (seconds: number): string =>
  `The system keychain did not answer within ${seconds} seconds; it may be waiting for you to ` +
  'unlock it. Unlock your keyring or keychain and try again.';

export interface KeytarSecretStoreOptions {
  /**
   * How long one keychain call may take. An unlock prompt nobody answers would otherwise hold
   * the operation (and the rotation behind it) forever.
   */
  timeoutMs?: number;
}

/** The OS keychain: macOS Keychain, Windows Credential Manager or the Secret Service on Linux. */
export class KeytarSecretStore implements SecretStore {
  private readonly timeoutMs: number;

  constructor(
    private readonly service: string = KEYCHAIN_SERVICE,
    options: KeytarSecretStoreOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async get(key: string): Promise<string | null> {
    const secret = await this.guard(() => keytar.getPassword(this.service, key));
    if (secret === null) await this.refuseIfLocked();
    return secret;
  }

  set(key: string, secret: string): Promise<void> {
    return this.guard(() => keytar.setPassword(this.service, key, secret));
  }

  async delete(key: string): Promise<boolean> {
    const deleted = await this.guard(() => keytar.deletePassword(this.service, key));
    if (!deleted) await this.refuseIfLocked();
    return deleted;
  }

  async list(): Promise<string[]> {
    // keytar can only list with the values; they are dropped here and never passed on.
    const credentials = await this.guard(() => keytar.findCredentials(this.service));
    if (credentials.length === 0) await this.refuseIfLocked();
    return credentials.map((credential) => credential.account);
  }

  /** keytar's errors are the platform's own words (D-Bus, libsecret); users get ours instead. */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError('KEYCHAIN_UNAVAILABLE', NO_ANSWER(Math.round(this.timeoutMs / 1000))),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([operation(), deadline]);
    } catch (error) {
      await this.refuseIfLocked();
      if (error instanceof AppError) throw error;
      throw new AppError('KEYCHAIN_UNAVAILABLE', UNAVAILABLE);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A locked keyring answers "nothing here" to reads; that must not pass for "absent". */
  private async refuseIfLocked(): Promise<void> {
    if ((await defaultCollectionLocked(this.timeoutMs)) === true) {
      throw new AppError('KEYCHAIN_UNAVAILABLE', LOCKED);
    }
  }
}
