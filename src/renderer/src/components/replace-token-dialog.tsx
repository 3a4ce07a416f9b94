import { useState, type FormEvent, type ReactNode } from 'react';
import { describeKeptLifetime, keptLifetime } from '../../../shared/lifetime';
import type { Expiry } from '../../../shared/model';
import { attempt } from '../lib/api';
import { expiryOptions } from '../lib/expiry-options';
import { useStore } from '../store';
import { selectProviderOf, selectToken } from '../store/selectors';
import type { CreatedToken } from './create-token-dialog';
import { FormField } from './form-field';
import { Modal } from './modal';
import { SecretReveal } from './secret-reveal';

interface ReplaceTokenDialogProps {
  accountId: string;
  tokenId: string;
  /** rotate: replace and revoke the old one; replacement: a new token, the old one is kept. */
  mode: 'rotate' | 'replacement';
}

const KEEP = 'keep';

/**
 * The new token's lifetime before a rotation or a replacement: the old token's by default (in
 * words, with the nearest choice where the service offers fixed ones), or another the user picks.
 */
export function ReplaceTokenDialog({
  accountId,
  tokenId,
  mode,
}: ReplaceTokenDialogProps): ReactNode {
  const token = useStore((s) => selectToken(s, accountId, tokenId));
  const provider = useStore((s) => selectProviderOf(s, accountId));
  const closeDialog = useStore((s) => s.closeDialog);
  const startRotation = useStore((s) => s.startRotation);
  const [choice, setChoice] = useState(KEEP);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The create-once reveal stays in this component's state, never in the store.
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const title = mode === 'rotate' ? 'Rotate with another lifetime' : 'Create a replacement';

  if (created !== null) {
    return (
      <Modal label={title} onClose={closeDialog}>
        <SecretReveal token={created.token} secret={created.secret} onDone={closeDialog} />
      </Modal>
    );
  }
  if (token === undefined || provider === undefined) {
    return (
      <Modal label={title} onClose={closeDialog}>
        <h2 className="modal-title">{title}</h2>
        <p role="alert">This token is no longer listed; it may have been revoked.</p>
        <div className="modal-actions">
          <button type="button" onClick={closeDialog}>
            Close
          </button>
        </div>
      </Modal>
    );
  }

  const kept = keptLifetime(token, provider.capabilities, new Date());
  const options = expiryOptions(provider.capabilities);
  const chosen: Expiry | undefined = options.find((option) => option.value === choice)?.expiry;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const ref = { accountId, tokenId };
    if (mode === 'rotate') {
      closeDialog();
      await startRotation(ref, token.name, chosen);
      return;
    }
    setSubmitting(true);
    setError(null);
    const outcome = await attempt((api) =>
      api.tokens.createReplacement(chosen === undefined ? ref : { ...ref, expiry: chosen }),
    );
    setSubmitting(false);
    if (outcome.ok) setCreated(outcome.value);
    else setError(outcome.error.message);
  };

  return (
    <Modal label={title} onClose={closeDialog}>
      <form noValidate className="form" aria-busy={submitting} onSubmit={(e) => void submit(e)}>
        <h2 className="modal-title">{title}</h2>
        <p className="modal-subtitle">“{token.name}”</p>
        {mode === 'replacement' ? (
          <p>
            {provider.name} cannot rotate this token ({token.status}). TokenDesk creates a new token
            with the same settings; the old one stays until you revoke it.
          </p>
        ) : null}
        <FormField label="Lifetime of the new token" error={error}>
          {(control) => (
            <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value={KEEP}>Same as the old token</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <p data-testid="kept-lifetime" className="muted">
          {choice === KEEP ? describeKeptLifetime(kept, provider.name) : null}
        </p>
        <div className="modal-actions">
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={submitting}>
            {mode === 'rotate' ? 'Rotate' : 'Create replacement'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
