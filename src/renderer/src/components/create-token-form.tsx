import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { Account, Capabilities } from '../../../shared/model';
import { attempt } from '../lib/api';
import { defaultExpiryValue, expiryOptions } from '../lib/expiry-options';
import { compileNameRule } from '../lib/name-rule';
import { useStore } from '../store';
import type { CreatedToken } from './create-token-dialog';
import { FormField } from './form-field';

interface CreateTokenFormProps {
  account: Account;
  capabilities: Capabilities;
  onCancel: () => void;
  onCreated: (created: CreatedToken) => void;
}

interface FieldErrors {
  name?: string;
  expiry?: string;
}

export function CreateTokenForm({
  account,
  capabilities,
  onCancel,
  onCreated,
}: CreateTokenFormProps): ReactNode {
  const tokenCreated = useStore((s) => s.tokenCreated);
  const options = useMemo(() => expiryOptions(capabilities), [capabilities]);
  const nameRule = capabilities.nameRule;
  const namePattern = useMemo(
    () => (nameRule === null ? null : compileNameRule(nameRule.pattern)),
    [nameRule],
  );

  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [expiryValue, setExpiryValue] = useState(() => defaultExpiryValue(options));
  const [extended, setExtended] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const expiry = options.find((o) => o.value === expiryValue);
  // "Extended" pushes the expiry forward by the token's lifetime; a token that never
  // expires has no lifetime to extend by.
  const canExtend = capabilities.extended && expiry !== undefined && expiry.expiry.kind === 'days';

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    const trimmed = name.trim();
    if (trimmed === '') found.name = 'Give the token a name.';
    else if (nameRule !== null && namePattern !== null && !namePattern.test(trimmed)) {
      found.name = nameRule.hint;
    }
    if (expiry === undefined) found.expiry = 'Choose when the token expires.';
    return found;
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (submitting) return;
    const found = validate();
    setErrors(found);
    if (expiry === undefined || Object.keys(found).length > 0) return;
    setSubmitting(true);
    setServerError(null);
    const trimmedDescription = description.trim();
    const outcome = await attempt((api) =>
      api.tokens.create({
        accountId: account.id,
        name: name.trim(),
        expiry: expiry.expiry,
        ...(capabilities.description && trimmedDescription !== ''
          ? { description: trimmedDescription }
          : {}),
        ...(capabilities.extended ? { extended: canExtend && extended } : {}),
      }),
    );
    if (!outcome.ok) {
      setServerError(outcome.error.message);
      setSubmitting(false);
      return;
    }
    tokenCreated(outcome.value.token);
    onCreated(outcome.value);
  };

  return (
    <form noValidate className="form" aria-busy={submitting} onSubmit={(e) => void submit(e)}>
      <h2 className="modal-title">New token</h2>
      <p className="modal-subtitle">In {account.label}</p>
      <FormField
        label="Name"
        hint={nameRule === null ? undefined : nameRule.hint}
        error={errors.name}
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
      {capabilities.description ? (
        <FormField label="Description" optional>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
      ) : null}
      <FormField label="Expires" error={errors.expiry}>
        {(control) => (
          <select {...control} value={expiryValue} onChange={(e) => setExpiryValue(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {capabilities.extended ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={canExtend && extended}
            disabled={!canExtend}
            onChange={(e) => setExtended(e.target.checked)}
          />
          Extend expiry each time it is used
        </label>
      ) : null}
      {serverError === null ? null : (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={submitting}>
          Create token
        </button>
      </div>
    </form>
  );
}
