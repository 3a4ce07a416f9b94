import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { failedCallOutcome, isRefusalCode } from './call-outcome';

describe('failedCallOutcome', () => {
  it('calls a 4xx answer with the service’s reason a refusal: nothing changed', () => {
    for (const code of [
      'AUTH_FAILED',
      'FORBIDDEN',
      'REJECTED_BY_SERVICE',
      'RATE_LIMITED',
    ] as const) {
      expect(failedCallOutcome(new AppError(code, 'no'))).toBe('refused');
      expect(isRefusalCode(code)).toBe(true);
    }
  });

  it('calls timeouts, 5xx, resets and unreadable answers uncertain', () => {
    for (const code of [
      'TIMEOUT',
      'SERVICE_ERROR',
      'UNREACHABLE',
      'BAD_RESPONSE',
      'CANCELLED',
    ] as const) {
      expect(failedCallOutcome(new AppError(code, 'hm'))).toBe('uncertain');
      expect(isRefusalCode(code)).toBe(false);
    }
    expect(failedCallOutcome(new Error('bug'))).toBe('uncertain');
  });

  it('calls a request that never left (connection refused, unknown host) a refusal', () => {
    const refused = new AppError('UNREACHABLE', 'refused', undefined, 'not_sent');
    expect(failedCallOutcome(refused)).toBe('refused');
  });
});
