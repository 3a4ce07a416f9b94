import { failedCallOutcome } from '../http/call-outcome';
import { requireOperation } from '../providers/provider-adapter';
import type { StepDeps } from './rotation-deps';

/**
 * Revokes a token at the service. A refusal stands; an unclear answer (timeout, 5xx, reset) is
 * settled by the service's list: a token that is gone or revoked there counts as revoked.
 */
export async function revokeAndConfirm(
  deps: StepDeps,
  accountId: string,
  tokenId: string,
): Promise<void> {
  const { adapter, ctx } = await deps.access.openManaged(accountId);
  try {
    await requireOperation(adapter, 'revokeToken', 'revoke tokens')(ctx, tokenId);
  } catch (error) {
    if (failedCallOutcome(error) === 'refused') throw error;
    await deps.checkpoint('call:listTokens');
    const tokens = await requireOperation(
      adapter,
      'listTokens',
      'list tokens',
    )(ctx).catch(() => null);
    const listed = tokens?.find((token) => token.id === tokenId);
    const gone = tokens !== null && (listed === undefined || listed.status === 'revoked');
    if (!gone) throw error;
  }
}
