import { AppError } from '../../../../shared/errors';

/** The AppError `promise` rejects with; anything else (a success, another error) fails the test. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
