import { useState, type ReactNode } from 'react';
import type { TokenInfo } from '../../../shared/model';
import { selectAccount, selectProviderOf } from '../store/selectors';
import { useStore } from '../store';
import { CreateTokenForm } from './create-token-form';
import { Modal } from './modal';
import { SecretReveal } from './secret-reveal';

export interface CreatedToken {
  token: TokenInfo;
  secret: string;
}

interface CreateTokenDialogProps {
  accountId: string;
}

/**
 * The one place the UI ever holds a secret: the create-once reveal lives in this
 * component's state, never in the store, and is dropped when the dialog closes.
 */
export function CreateTokenDialog({ accountId }: CreateTokenDialogProps): ReactNode {
  const account = useStore((s) => selectAccount(s, accountId));
  const provider = useStore((s) => selectProviderOf(s, accountId));
  const closeDialog = useStore((s) => s.closeDialog);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const done = (): void => {
    setCreated(null);
    closeDialog();
  };

  return (
    <Modal label="New token" onClose={done}>
      {created !== null ? (
        <SecretReveal token={created.token} secret={created.secret} onDone={done} />
      ) : account === undefined || provider === undefined ? (
        <>
          <h2 className="modal-title">New token</h2>
          <p role="alert">This account is no longer available.</p>
          <div className="modal-actions">
            <button type="button" onClick={done}>
              Close
            </button>
          </div>
        </>
      ) : (
        <CreateTokenForm
          account={account}
          capabilities={provider.capabilities}
          onCancel={done}
          onCreated={setCreated}
        />
      )}
    </Modal>
  );
}
