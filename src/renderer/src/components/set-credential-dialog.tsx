import { useState, type FormEvent, type ReactNode } from 'react';
import { decodeError } from '../../../shared/errors';
import { useStore } from '../store';
import { selectAccount, selectProviderOf } from '../store/selectors';
import { CredentialField } from './credential-field';
import { Modal } from './modal';

/**
 * Replaces an account's management credential, e.g. after a Bodhi session expired or a token
 * was rotated by hand in the service. Main proves the new one before it replaces the old one,
 * so a refusal here changes nothing and the dialog stays open to try again.
 */
export function SetCredentialDialog({ accountId }: { accountId: string }): ReactNode {
  const account = useStore((s) => selectAccount(s, accountId));
  const provider = useStore((s) => selectProviderOf(s, accountId));
  const closeDialog = useStore((s) => s.closeDialog);
  const setCredential = useStore((s) => s.setCredential);
  const showNotice = useStore((s) => s.showNotice);
  const [credential, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (account === undefined) return;
    if (credential.trim() === '') {
      setError('Paste the new credential.');
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      await setCredential(accountId, credential);
    } catch (thrown) {
      setError(decodeError(thrown).message);
      setSubmitting(false);
      return;
    }
    closeDialog();
    showNotice({ tone: 'info', text: `Updated the credential of ${account.label}.` });
  };

  return (
    <Modal label="Update credential" onClose={closeDialog}>
      <form noValidate className="form" aria-busy={submitting} onSubmit={(e) => void submit(e)}>
        <h2 className="modal-title">Update credential</h2>
        {account === undefined || provider === undefined ? (
          <p>This account is no longer in TokenDesk.</p>
        ) : (
          <>
            <p>
              TokenDesk checks the new credential with {provider.name} first; the current one is
              kept until {provider.name} accepts it.
            </p>
            <CredentialField
              // Replacing needs a value even where adding the account did not.
              provider={{ ...provider, credentialNeed: 'required' }}
              value={credential}
              error={error}
              onChange={setValue}
            />
          </>
        )}
        <div className="modal-actions">
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          {account === undefined ? null : (
            <button type="submit" className="primary" disabled={submitting}>
              {submitting ? 'Checking…' : 'Check and save'}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
