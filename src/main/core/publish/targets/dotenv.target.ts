import { AppError } from '../../../../shared/errors';
import { parseDotenv } from '../../import/dotenv-parser';
import { setDotenvValue } from './dotenv-edit';
import { readUserText, replaceUserFile } from './user-file';

/**
 * Writes `secret` as `key` in a .env file, then reads the file back with the parser TokenDesk's
 * own import uses: the value it finds must be the secret.
 */
export async function publishToDotenv(path: string, key: string, secret: string): Promise<void> {
  const current = await readUserText(path);
  const next = setDotenvValue(current ?? '', key, secret);
  await replaceUserFile(path, next, { createFolder: false });
  const written = await readUserText(path);
  if (written === null || parseDotenv(written).get(key) !== secret) {
    throw new AppError(
      'STORAGE_FAILED',
      `${path} was written, but reading it back did not show the new value of ${key}. Another program may have changed it at the same time.`,
    );
  }
}
