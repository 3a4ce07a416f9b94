import type { AccountInventory } from '../../../shared/model';
import { parseDate } from './attention-time';

/** Below this, a difference is the request's own latency or a service's coarse timestamps. */
const TOLERANCE_MS = 5 * 60_000;

/**
 * How far the service's clock runs ahead of this machine's, estimated from the list itself: the
 * list call was made with TokenDesk's own credential, so the service stamped that token "last
 * used" by its clock at about `asOf` by ours.
 *
 * Only a service clock that runs ahead is corrected for: then its tokens expire sooner than our
 * clock says. A service that updates "last used" lazily (GitLab: at most every few minutes, some
 * not at all) makes the stamp look old, never new, so it can never fake a clock that runs ahead;
 * and a clock that runs behind only makes our warnings come early, which is safe.
 */
export function serviceAheadMs(inventory: AccountInventory): number {
  const management = inventory.tokens.find((token) => token.isManagementCredential);
  if (management === undefined) return 0;
  const usedAt = parseDate(management.lastUsedAt);
  const asOf = parseDate(inventory.asOf);
  if (usedAt === null || asOf === null) return 0;
  const ahead = usedAt.getTime() - asOf.getTime();
  return ahead > TOLERANCE_MS ? ahead : 0;
}
