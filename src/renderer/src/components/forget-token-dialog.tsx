import { useState, type ReactNode } from 'react';
import { decodeError } from '../../../shared/errors';
import { useStore } from '../store';
import { selectAccount, selectProviderOf, selectToken } from '../store/selectors';
import { Modal } from './modal';

interface ForgetTokenDialogProps {
  accountId: string;
  tokenId: string;
}

/**
 * Forgetting only drops TokenDesk's copy: the service is not told (it has no token API), so
 * the dialog says plainly that the token keeps working until it is revoked in the dashboard.
 */
export function ForgetTokenDialog({ accountId, tokenId }: ForgetTokenDialogProps): ReactNode {
  const token = useStore((s) => selectToken(s, accountId, tokenId));
  const account = useStore((s) => selectAccount(s, accountId));
  const provider = useStore((s) => selectProviderOf(s, accountId));
  const closeDialog = useStore((s) => s.closeDialog);
  const forgetToken = useStore((s) => s.forgetToken);
  const showNotice = useStore((s) => s.showNotice);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const service = provider === undefined ? 'the service' : provider.name;

  const forget = async (name: string): Promise<void> => {
    setSubmitting(true);
    setError(null);
    try {
      await forgetToken({ accountId, tokenId });
    } catch (thrown) {
      setError(decodeError(thrown).message);
      setSubmitting(false);
      return;
    }
    closeDialog();
    showNotice({ tone: 'info', text: `TokenDesk no longer tracks ${name}.` });
  };

  return (
    <Modal label="Forget token?" onClose={closeDialog}>
      <h2 className="modal-title">Forget token?</h2>
      {token === undefined || account === undefined ? (
        <p>This token is no longer listed; it may have been forgotten already.</p>
      ) : (
        <>
          <p>
            Stop tracking <strong>{token.name}</strong> in <strong>{account.label}</strong>?
            TokenDesk removes the secret from your keychain.
          </p>
          <p className="warning">
            The token keeps working at {service}. If nothing needs it any more, revoke it in{' '}
            {service}&apos;s dashboard.
          </p>
          {account.tokenPageUrl === null ? null : (
            <p>
              <a href={account.tokenPageUrl} target="_blank" rel="noopener noreferrer">
                Open token page
              </a>
            </p>
          )}
        </>
      )}
      {error === null ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" data-autofocus onClick={closeDialog}>
          Cancel
        </button>
        {token === undefined ? null : (
          <button
            type="button"
            className="danger"
            disabled={submitting}
            onClick={() => void forget(token.name)}
          >
            Forget
          </button>
        )}
      </div>
    </Modal>
  );
}
