import { AppError } from '../../../../shared/errors';
import { readIniValue, setIniValue } from './ini-profile-edit';
import { readUserText, replaceUserFile } from './user-file';

const OPTION = 'api_token';

/**
 * Sets the profile's `api_token` in a ~/.podstack/credentials-style file (what the Podstack SDK
 * reads), creating the profile, the file or its private folder when missing; then reads it back.
 */
export async function publishToPodstackProfile(
  path: string,
  profile: string,
  secret: string,
): Promise<void> {
  const current = await readUserText(path);
  await replaceUserFile(path, setIniValue(current ?? '', profile, OPTION, secret), {
    createFolder: true,
  });
  const written = await readUserText(path);
  if (written === null || readIniValue(written, profile, OPTION) !== secret) {
    throw new AppError(
      'STORAGE_FAILED',
      `${path} was written, but reading it back did not show the new api_token of [${profile}]. Another program may have changed it at the same time.`,
    );
  }
}
