import { useId, type ReactNode } from 'react';
import { leaseReason } from '../../../shared/lease';
import { stateLabel, summarizeState } from '../lib/account-state';
import { capacityOf } from '../lib/capacity';
import { asOfTime } from '../lib/relative-date';
import type { AccountGroup } from '../lib/token-groups';
import { AccountActions } from './account-actions';
import { useStore } from '../store';
import { CapacityBadge } from './capacity-badge';
import { MoreMenu } from './more-menu';
import { StatusDot } from './status-dot';

/** The account's name, service and state, how full it is, and what can be added to it. */
export function AccountHeader({ group }: { group: AccountGroup }): ReactNode {
  const labelId = useId();
  const tipId = useId();
  const { account, provider, inventory } = group;
  const summary = summarizeState(inventory);
  const capacity = capacityOf(provider, inventory);
  const failing = inventory !== undefined && inventory.error !== null;
  const openRules = useStore((s) => s.openRules);
  const openDialog = useStore((s) => s.openDialog);
  // A guided account has no credential to replace: its tokens are tracked one by one.
  const hasCredential =
    account.mode !== 'guided' && provider !== undefined && provider.credentialNeed !== 'none';

  return (
    <>
      <div className="account-header-row">
        <StatusDot summary={summary} />
        <span id={labelId} data-testid="account-title" className="account-title">
          {account.label}
        </span>
        <span className="muted">{provider === undefined ? account.provider : provider.name}</span>
        {account.mode === 'guided' ? (
          <span
            className="tag"
            title="Tokens are created in the service's dashboard and tracked here"
          >
            guided
          </span>
        ) : null}
        {failing ? (
          // In words, not only the dot's colour: which kind of trouble decides what to do.
          <span className="stale" data-testid="account-state" data-state={inventory.state}>
            {stateLabel(inventory.state)}
          </span>
        ) : null}
        {inventory !== undefined && inventory.asOf !== null ? (
          <span
            className={inventory.stale ? 'stale' : 'muted'}
            data-testid={inventory.stale ? 'account-stale' : 'account-as-of'}
            title={inventory.asOf}
          >
            as of {asOfTime(inventory.asOf)}
          </span>
        ) : null}
        {capacity === null ? null : <CapacityBadge capacity={capacity} tipId={tipId} />}
        <span className="spacer" />
        <AccountActions account={account} provider={provider} labelId={labelId} />
        <MoreMenu
          label={`More actions for ${account.label}`}
          items={[
            {
              label: 'Reminder rules…',
              name: `Reminder rules for ${account.label}`,
              onSelect: () => openRules(account.id),
            },
            ...(hasCredential
              ? [
                  {
                    ...(inventory === undefined || inventory.leasedBy === null
                      ? {}
                      : { disabledReason: leaseReason(inventory.leasedBy) }),
                    label: 'Update credential…',
                    name: `Update the credential of ${account.label}`,
                    onSelect: () => openDialog({ kind: 'set-credential', accountId: account.id }),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {capacity !== null && capacity.full ? (
        // Spelled out, not only a tooltip: the next token the user creates there would fail.
        <p id={tipId} data-testid="capacity-tip" className="capacity-tip">
          {capacity.tip}
        </p>
      ) : null}
      {inventory !== undefined && inventory.error !== null ? (
        <p role="alert" data-testid="account-error" className="account-error">
          {inventory.error.message}
        </p>
      ) : null}
    </>
  );
}
