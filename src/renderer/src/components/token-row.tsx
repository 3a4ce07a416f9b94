import { useCallback, useId, type ReactNode } from 'react';
import { leaseReason } from '../../../shared/lease';
import type { Capabilities, TokenInfo } from '../../../shared/model';
import { expiresSoon } from '../lib/relative-date';
import { useFocusedRow } from '../lib/use-focused-row';
import { useStore } from '../store';
import { AttentionBadge } from './attention-badge';
import { LastUsed } from './last-used';
import { MoreMenu, type MoreMenuItem } from './more-menu';
import { RelativeTime } from './relative-time';
import { RotateButton, useRotateWithLifetimeItem } from './rotate-button';
import { RowSelect } from './row-select';
import { StatusBadge } from './status-badge';
import { leasedItem, useTokenEditItems } from './token-edit-items';

/** Where the row sits in a virtualized list: its position for screen readers, its measuring. */
export interface RowPosition {
  'aria-rowindex': number;
  'data-index'?: number | undefined;
  ref?: ((element: Element | null) => void) | undefined;
}

interface TokenRowProps {
  token: TokenInfo;
  /** Null when the account's provider is unknown: then nothing can be done to the token. */
  capabilities: Capabilities | null;
  /** The account is managed in the service's dashboard: TokenDesk cannot revoke there. */
  guided: boolean;
  /** Set when the list draws only the rows in view. */
  rowProps?: RowPosition | undefined;
}

export function TokenRow({ token, capabilities, guided, rowProps }: TokenRowProps): ReactNode {
  const openDialog = useStore((s) => s.openDialog);
  const copySecret = useStore((s) => s.copySecret);
  const verifyToken = useStore((s) => s.verifyToken);
  // TokenDesk's own credential is rotated, never revoked: revoking it would lock TokenDesk out.
  const canRevoke =
    capabilities !== null &&
    capabilities.revoke &&
    !guided &&
    token.status !== 'revoked' &&
    !token.isManagementCredential;
  const soon = token.status === 'active' && expiresSoon(token.expiresAt);
  const ref = { accountId: token.accountId, tokenId: token.id };
  const { ref: rowRef, focused } = useFocusedRow(token);
  const leaseId = useId();
  const leased = token.leasedBy === null ? null : leaseReason(token.leasedBy);
  const measure = rowProps === undefined ? undefined : rowProps.ref;
  const setRow = useCallback(
    (element: HTMLTableRowElement | null) => {
      rowRef.current = element;
      if (measure !== undefined) measure(element);
    },
    [rowRef, measure],
  );

  const more: MoreMenuItem[] = [
    ...useTokenEditItems(token, capabilities, guided),
    ...useRotateWithLifetimeItem(token),
  ];
  // Only a secret TokenDesk holds can be checked: it never asks the service about others.
  if (capabilities !== null && capabilities.verify && token.hasSecret) {
    more.push({
      label: 'Verify',
      name: `Verify ${token.name}`,
      onSelect: () => void verifyToken(ref, token.name),
    });
  }
  // Main publishes the secret it keeps; without one there is nothing to send.
  if (token.hasSecret && token.status !== 'revoked') {
    more.push({
      ...leasedItem(token),
      label: 'Publish to CI',
      name: `Publish ${token.name} to CI`,
      onSelect: () => openDialog({ kind: 'publish', ...ref }),
    });
  }
  if (token.source === 'tracked') {
    more.push({
      ...leasedItem(token),
      label: 'Forget',
      name: `Forget ${token.name}`,
      tone: 'danger',
      onSelect: () => openDialog({ kind: 'forget-token', ...ref }),
    });
  }

  return (
    <tr
      ref={setRow}
      aria-rowindex={rowProps === undefined ? undefined : rowProps['aria-rowindex']}
      data-index={rowProps === undefined ? undefined : rowProps['data-index']}
      data-testid="token-row"
      data-token-id={token.id}
      data-focused={focused ? 'true' : undefined}
      className="token-row"
    >
      <td className="cell-name">
        <RowSelect token={token} />
        <span className="token-name">{token.name}</span>
        <AttentionBadge token={token} />
        {token.isManagementCredential ? (
          <span className="tag" title="TokenDesk uses this token to manage the account">
            used by TokenDesk
          </span>
        ) : null}
        {token.description === null || token.description === '' ? null : (
          <span className="token-description">{token.description}</span>
        )}
      </td>
      <td className="mono">{token.prefix ?? '—'}</td>
      <td>{token.project ?? '—'}</td>
      <td className="cell-date">
        <RelativeTime iso={token.createdAt} missingText="—" />
      </td>
      <td className={soon ? 'cell-date expires-soon' : 'cell-date'}>
        <RelativeTime iso={token.expiresAt} missingText="Never" />
        {token.extended ? (
          <span className="extended" title="The expiry moves forward each time the token is used">
            extends on use
          </span>
        ) : null}
      </td>
      <td className="cell-date">
        <LastUsed token={token} />
      </td>
      <td>
        <StatusBadge status={token.status} />
      </td>
      <td className="cell-actions">
        {token.hasSecret ? (
          <button
            type="button"
            className="small"
            aria-label={`Copy ${token.name}`}
            onClick={() => void copySecret(ref, token.name)}
          >
            Copy
          </button>
        ) : null}
        <RotateButton token={token} />
        {canRevoke ? (
          <button
            type="button"
            className="small danger-quiet"
            aria-label={`Revoke ${token.name}`}
            aria-disabled={leased === null ? undefined : 'true'}
            aria-describedby={leased === null ? undefined : leaseId}
            title={leased ?? undefined}
            onClick={() => {
              if (leased === null) openDialog({ kind: 'revoke-token', ...ref });
            }}
          >
            Revoke
          </button>
        ) : null}
        {leased === null ? null : (
          <span id={leaseId} hidden>
            {leased}
          </span>
        )}
        {more.length === 0 ? null : (
          <MoreMenu label={`More actions for ${token.name}`} items={more} />
        )}
      </td>
    </tr>
  );
}
