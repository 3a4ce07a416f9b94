import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { decodeError } from '../../../shared/errors';
import { compileNameRule } from '../lib/name-rule';
import { useStore } from '../store';
import { selectProviderOf, selectToken } from '../store/selectors';
import { FormField } from './form-field';
import { Modal } from './modal';

interface RenameTokenDialogProps {
  accountId: string;
  tokenId: string;
}

export function RenameTokenDialog({ accountId, tokenId }: RenameTokenDialogProps): ReactNode {
  const token = useStore((s) => selectToken(s, accountId, tokenId));
  const provider = useStore((s) => selectProviderOf(s, accountId));
  const closeDialog = useStore((s) => s.closeDialog);
  const renameToken = useStore((s) => s.renameToken);
  const showNotice = useStore((s) => s.showNotice);
  const [name, setName] = useState(token === undefined ? '' : token.name);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const nameRule = provider === undefined ? null : provider.capabilities.nameRule;
  const namePattern = useMemo(
    () => (nameRule === null ? null : compileNameRule(nameRule.pattern)),
    [nameRule],
  );

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (token === undefined) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Give the token a name.');
      return;
    }
    if (nameRule !== null && namePattern !== null && !namePattern.test(trimmed)) {
      setError(nameRule.hint);
      return;
    }
    if (trimmed === token.name) {
      closeDialog();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await renameToken({ accountId, tokenId }, trimmed);
    } catch (thrown) {
      setError(decodeError(thrown).message);
      setSubmitting(false);
      return;
    }
    closeDialog();
    showNotice({ tone: 'info', text: `Renamed ${token.name} to ${trimmed}.` });
  };

  return (
    <Modal label="Rename token" onClose={closeDialog}>
      <form noValidate className="form" aria-busy={submitting} onSubmit={(e) => void submit(e)}>
        <h2 className="modal-title">Rename token</h2>
        {token === undefined ? (
          <p>This token is no longer listed; it may have been revoked.</p>
        ) : (
          <FormField
            label="Name"
            hint={nameRule === null ? undefined : nameRule.hint}
            error={error}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                required
                autoComplete="off"
                spellCheck={false}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </FormField>
        )}
        <div className="modal-actions">
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          {token === undefined ? null : (
            <button type="submit" className="primary" disabled={submitting}>
              Rename
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
