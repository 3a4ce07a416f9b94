import { useState, type ReactNode } from 'react';
import { decodeError } from '../../../shared/errors';
import { useStore } from '../store';
import { selectAccount, selectToken } from '../store/selectors';
import { Modal } from './modal';

interface RevokeTokenDialogProps {
  accountId: string;
  tokenId: string;
}

export function RevokeTokenDialog({ accountId, tokenId }: RevokeTokenDialogProps): ReactNode {
  const token = useStore((s) => selectToken(s, accountId, tokenId));
  const account = useStore((s) => selectAccount(s, accountId));
  const closeDialog = useStore((s) => s.closeDialog);
  const revokeToken = useStore((s) => s.revokeToken);
  const showNotice = useStore((s) => s.showNotice);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const revoke = async (name: string): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      await revokeToken({ accountId, tokenId });
    } catch (thrown) {
      setError(decodeError(thrown).message);
      setSubmitting(false);
      return;
    }
    closeDialog();
    showNotice({ tone: 'info', text: `Revoked ${name}.` });
  };

  return (
    <Modal label="Revoke token?" onClose={closeDialog}>
      <h2 className="modal-title">Revoke token?</h2>
      {token === undefined || account === undefined ? (
        <p>This token is no longer listed; it may have been revoked already.</p>
      ) : (
        <p>
          Revoke <strong>{token.name}</strong> in <strong>{account.label}</strong>? It stops working
          immediately: anything still using it will be refused.
        </p>
      )}
      {error === null ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
        {token === undefined ? null : (
          <button
            type="button"
            className="danger"
            disabled={submitting}
            onClick={() => void revoke(token.name)}
          >
            Revoke
          </button>
        )}
      </div>
    </Modal>
  );
}
