import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { TokenInfo } from '../../../shared/model';
import { attempt } from '../lib/api';
import { useAppInfo } from '../store/selectors';

interface SecretRevealProps {
  /** The token the secret belongs to, as stored: copying in main reads it from the keychain. */
  token: Pick<TokenInfo, 'accountId' | 'id' | 'name'>;
  secret: string;
  onDone: () => void;
}

type CopyState =
  { kind: 'idle' } | { kind: 'copied'; text: string } | { kind: 'failed'; text: string };

const pageClipboardNote =
  'The browser cannot clear the clipboard for you — paste it and copy something else.';

export function SecretReveal({ token, secret, onDone }: SecretRevealProps): ReactNode {
  const { clipboard } = useAppInfo();
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const copyButton = useRef<HTMLButtonElement>(null);

  // Copying is the safe way out of this view, so it gets focus rather than the secret text.
  useEffect(() => {
    const button = copyButton.current;
    if (button !== null) button.focus();
  }, []);

  const copySecret = async (): Promise<void> => {
    if (clipboard === 'main') {
      const outcome = await attempt((api) =>
        api.secrets.copy({ accountId: token.accountId, tokenId: token.id }),
      );
      setCopy(
        outcome.ok
          ? {
              kind: 'copied',
              text: `Copied. The clipboard clears in ${outcome.value.clearsAfterSeconds} s.`,
            }
          : { kind: 'failed', text: outcome.error.message },
      );
      return;
    }
    try {
      await navigator.clipboard.writeText(secret);
      setCopy({ kind: 'copied', text: 'Copied.' });
    } catch {
      setCopy({
        kind: 'failed',
        text: 'The browser did not allow copying. Select the token and copy it yourself.',
      });
    }
  };

  return (
    <div data-testid="secret-reveal" className="reveal">
      <h2 className="modal-title">Copy your new token</h2>
      <p className="modal-subtitle">{token.name}</p>
      <div className="reveal-row">
        <input
          data-testid="revealed-secret"
          aria-label="New token value"
          className="mono reveal-secret"
          type="text"
          readOnly
          spellCheck={false}
          autoComplete="off"
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          ref={copyButton}
          type="button"
          className="primary"
          onClick={() => void copySecret()}
        >
          Copy
        </button>
      </div>
      <div role="status" className="reveal-status">
        {copy.kind === 'copied' ? copy.text : null}
      </div>
      {copy.kind === 'failed' ? (
        <p role="alert" className="form-error">
          {copy.text}
        </p>
      ) : null}
      {clipboard === 'page' ? <p className="field-hint">{pageClipboardNote}</p> : null}
      <p className="warning">
        This is the only time the token is shown. TokenDesk keeps it in your system keychain.
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
