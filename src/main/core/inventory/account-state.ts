import type { ErrorCode } from '../../../shared/errors';
import type { AccountState } from '../../../shared/model';

/** How a failed refresh shows on the account: the user needs to know what kind of trouble. */
export function accountStateFor(code: ErrorCode): AccountState {
  switch (code) {
    case 'AUTH_FAILED':
      return 'auth_failed';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'UNREACHABLE':
    case 'TIMEOUT':
      return 'unreachable';
    case 'RATE_LIMITED':
      return 'rate_limited';
    default:
      return 'error';
  }
}
