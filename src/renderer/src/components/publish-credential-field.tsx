import type { ReactNode } from 'react';
import type { Account } from '../../../shared/model';
import type { CredentialChoices } from '../lib/publish-credentials';
import { FormField } from './form-field';

export const PASTE_CHOICE = 'paste';

export interface PastedCredential {
  accountId: string;
  name: string;
  secret: string;
}

interface PublishCredentialFieldProps {
  serviceName: string;
  choices: CredentialChoices;
  /** An option's value, PASTE_CHOICE, or '' before the user chose. */
  choice: string;
  pasted: PastedCredential;
  error: string | undefined;
  onChoice: (choice: string) => void;
  onPasted: (pasted: PastedCredential) => void;
}

/**
 * The token that writes to the CI service: one TokenDesk already keeps, or a new one pasted
 * here, which TokenDesk checks and keeps in the keychain like any tracked token.
 */
export function PublishCredentialField({
  serviceName,
  choices,
  choice,
  pasted,
  error,
  onChoice,
  onPasted,
}: PublishCredentialFieldProps): ReactNode {
  const { options, pasteAccounts } = choices;
  if (options.length === 0 && pasteAccounts.length === 0) {
    return (
      <p className="note" data-testid="publish-no-credential">
        Publishing to {serviceName} needs a {serviceName} token. Add a {serviceName} account first
        (Add account → {serviceName}), then come back here.
        {error === undefined ? null : <span className="field-error"> {error}</span>}
      </p>
    );
  }
  const pasteAccount: Account | undefined = pasteAccounts.find((a) => a.id === pasted.accountId);
  return (
    <>
      <FormField
        label={`${serviceName} token`}
        hint="It needs the right to write secrets there; TokenDesk reads it from the keychain at each publish."
        error={error}
      >
        {(control) => (
          <select {...control} value={choice} onChange={(e) => onChoice(e.target.value)}>
            <option value="">Choose a token…</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            {pasteAccounts.length === 0 ? null : (
              <option value={PASTE_CHOICE}>Paste a new {serviceName} token…</option>
            )}
          </select>
        )}
      </FormField>
      {choice === PASTE_CHOICE ? (
        <div className="publish-paste">
          {pasteAccounts.length > 1 ? (
            <FormField label={`${serviceName} account`}>
              {(control) => (
                <select
                  {...control}
                  value={pasteAccount === undefined ? '' : pasteAccount.id}
                  onChange={(e) => onPasted({ ...pasted, accountId: e.target.value })}
                >
                  <option value="">Choose an account…</option>
                  {pasteAccounts.map((account) => (
                    <option key={account.id} value={account.id}>
                      {account.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          <FormField label="Token name" hint="How the token is listed in TokenDesk.">
            {(control) => (
              <input
                {...control}
                type="text"
                value={pasted.name}
                onChange={(e) => onPasted({ ...pasted, name: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Token secret">
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={pasted.secret}
                onChange={(e) => onPasted({ ...pasted, secret: e.target.value })}
              />
            )}
          </FormField>
        </div>
      ) : null}
    </>
  );
}
