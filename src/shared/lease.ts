import type { Lease } from './model';

/**
 * Why an action on a leased token or account is unavailable, in the same words in the refusal
 * main sends and in the tooltip of the disabled button.
 */
export function leaseReason(lease: Lease): string {
  return `The rotation of “${lease.tokenName}” is unfinished. Finish or cancel it under Rotations first.`;
}
