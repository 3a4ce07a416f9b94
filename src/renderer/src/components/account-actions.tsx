import type { ReactNode } from 'react';
import type { Account, ProviderInfo } from '../../../shared/model';
import { useStore } from '../store';

interface AccountActionsProps {
  account: Account;
  provider: ProviderInfo | undefined;
  /** The account's label element, so each button reads as "New token, <account>". */
  labelId: string;
}

/**
 * What can be added to an account: a new token through the service's API, or, for a guided
 * account, a token the user created in the service's dashboard and pastes here.
 */
export function AccountActions({ account, provider, labelId }: AccountActionsProps): ReactNode {
  const openDialog = useStore((s) => s.openDialog);
  if (provider === undefined) return null;
  const { capabilities } = provider;

  if (account.mode !== 'guided') {
    return capabilities.create ? (
      <button
        type="button"
        className="small"
        aria-describedby={labelId}
        onClick={() => openDialog({ kind: 'create-token', accountId: account.id })}
      >
        New token
      </button>
    ) : null;
  }
  return (
    <>
      {account.tokenPageUrl === null ? null : (
        // Main opens https links in the user's browser; the app window never navigates.
        <a
          className="button-link small"
          href={account.tokenPageUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-describedby={labelId}
        >
          Open token page
        </a>
      )}
      {capabilities.track ? (
        <button
          type="button"
          className="small"
          aria-describedby={labelId}
          onClick={() => openDialog({ kind: 'track-token', accountId: account.id })}
        >
          Track a token
        </button>
      ) : null}
    </>
  );
}
