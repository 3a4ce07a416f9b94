import type { AccountInventory, AccountState } from '../../../shared/model';

export type StateTone = 'ok' | 'idle' | 'busy' | 'warn' | 'bad';

const labels: Record<AccountState, string> = {
  never: 'Not refreshed yet',
  ok: 'Up to date',
  auth_failed: 'Sign-in failed',
  forbidden: 'No permission',
  unreachable: 'Unreachable',
  rate_limited: 'Rate limited',
  error: 'Refresh failed',
};

const tones: Record<AccountState, StateTone> = {
  never: 'idle',
  ok: 'ok',
  auth_failed: 'bad',
  forbidden: 'bad',
  // Transient: the service may well answer on the next refresh.
  unreachable: 'warn',
  rate_limited: 'warn',
  error: 'bad',
};

export interface StateSummary {
  label: string;
  tone: StateTone;
}

/** The last refresh's outcome, whether or not another refresh is running. */
export function stateLabel(state: AccountState): string {
  return labels[state];
}

/** An account we have no inventory for yet reads like one never refreshed. */
export function summarizeState(inventory: AccountInventory | undefined): StateSummary {
  if (inventory === undefined) return { label: labels.never, tone: 'idle' };
  if (inventory.refreshing) return { label: 'Refreshing', tone: 'busy' };
  return { label: labels[inventory.state], tone: tones[inventory.state] };
}
