import { AppError } from '../shared/errors';
import { exitCodes, type ExitCode } from './exit-codes';

/** The command line itself is wrong (exit 2), as opposed to an operation that failed. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('VALIDATION', message);
  }
}

/** A finished command whose outcome is a status other than success, with nothing more to say. */
export class ExitStatus extends Error {
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
  }
}

export const needsUser = (): ExitStatus => new ExitStatus(exitCodes.needsUser);

/** The user answered no: nothing was changed, and a script must not take it for success. */
export class Declined extends ExitStatus {
  constructor(readonly note: string) {
    super(exitCodes.failed);
  }
}
