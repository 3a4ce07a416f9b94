import { describe, expect, it } from 'vitest';
import { mayHaveChanged } from './write-outcome';

describe('whether a failed target write may have changed the target', () => {
  it.each(['AUTH_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'REJECTED_BY_SERVICE', 'VALIDATION'])(
    '%s: refused before anything was written',
    (code) => expect(mayHaveChanged(code)).toBe(false),
  );

  it.each([
    'SERVICE_ERROR',
    'TIMEOUT',
    'UNREACHABLE',
    'BAD_RESPONSE',
    'STORAGE_FAILED',
    'INTERNAL',
  ])('%s: the write may have landed', (code) => expect(mayHaveChanged(code)).toBe(true));
});
