import type { ReactNode } from 'react';
import type { ProviderInfo } from '../../../shared/model';
import { FormField } from './form-field';

interface CredentialFieldProps {
  provider: ProviderInfo;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

const storedNote = 'Stored in your system keychain; TokenDesk uses it to list and manage tokens.';

/**
 * The account's management credential, as the service needs it: required (TokenDesk manages
 * tokens through the service's API), optional (without it the account is guided) or none
 * (the service has no token API: its tokens are created in its dashboard and tracked here).
 */
export function CredentialField({
  provider,
  value,
  error,
  onChange,
}: CredentialFieldProps): ReactNode {
  if (provider.credentialNeed === 'none') {
    return (
      <p className="note" data-testid="guided-note">
        {provider.name} tokens are created in its dashboard. TokenDesk tracks them here: you paste
        each new token, TokenDesk checks it works and keeps it in your system keychain.
      </p>
    );
  }
  const optional = provider.credentialNeed === 'optional';
  const help = provider.credentialHelp === null ? storedNote : provider.credentialHelp;
  const hint = optional
    ? `${help} Without it, this account is guided: you track its tokens by pasting them.`
    : help;
  return (
    <FormField
      // The accessible name says it may be left empty, not only the visual marker.
      label={optional ? `${provider.credentialLabel} (optional)` : provider.credentialLabel}
      hint={hint}
      error={error}
    >
      {(control) => (
        <input
          {...control}
          // Its label is the service's own word for it; e2e finds it by this id instead.
          data-testid="credential-input"
          type="password"
          required={!optional}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}
