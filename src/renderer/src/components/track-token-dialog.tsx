import type { ReactNode } from 'react';
import { useStore } from '../store';
import { selectAccount, selectProviderOf } from '../store/selectors';
import { Modal } from './modal';
import { TrackTokenForm } from './track-token-form';

interface TrackTokenDialogProps {
  accountId: string;
}

/**
 * Adds a token the user created in a guided service's dashboard. The pasted secret lives in
 * the form's state only: never in the store, and gone when the dialog closes.
 */
export function TrackTokenDialog({ accountId }: TrackTokenDialogProps): ReactNode {
  const account = useStore((s) => selectAccount(s, accountId));
  const provider = useStore((s) => selectProviderOf(s, accountId));
  const closeDialog = useStore((s) => s.closeDialog);

  return (
    <Modal label="Track a token" onClose={closeDialog}>
      {account === undefined || provider === undefined ? (
        <>
          <h2 className="modal-title">Track a token</h2>
          <p role="alert">This account is no longer available.</p>
          <div className="modal-actions">
            <button type="button" onClick={closeDialog}>
              Close
            </button>
          </div>
        </>
      ) : (
        <TrackTokenForm account={account} provider={provider} onDone={closeDialog} />
      )}
    </Modal>
  );
}
