import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { Account, AccountField, ProviderInfo } from '../../../shared/model';
import type { ChannelArgs } from '../../../shared/contract';
import { attempt } from '../lib/api';
import { expiresAtFrom, trackExpiryChoices } from '../lib/track-expiry';
import { useStore } from '../store';
import { FormField } from './form-field';
import { ProviderField } from './provider-field';
import { TrackExpiryField } from './track-expiry-field';

interface TrackTokenFormProps {
  account: Account;
  provider: ProviderInfo;
  onDone: () => void;
}

type TrackArgs = ChannelArgs<'tokens:track'>;
type FieldErrors = Record<string, string>;

/**
 * The trackFields keys `tokens.track` has arguments for. Role and expiry have their own
 * controls; a field under any other key would have nowhere to go in the contract.
 */
const trackArgKeys = ['project', 'description', 'createdAt'] as const;
type TrackArgKey = (typeof trackArgKeys)[number];
const isTrackArgKey = (key: string): key is TrackArgKey =>
  (trackArgKeys as readonly string[]).includes(key);

function fieldArgs(
  fields: readonly AccountField[],
  values: Record<string, string>,
): Partial<TrackArgs> {
  const args: Partial<Pick<TrackArgs, TrackArgKey>> = {};
  for (const field of fields) {
    const value = (values[field.key] ?? '').trim();
    if (value !== '' && isTrackArgKey(field.key)) args[field.key] = value;
  }
  return args;
}

export function TrackTokenForm({ account, provider, onDone }: TrackTokenFormProps): ReactNode {
  const tokensAdded = useStore((s) => s.tokensAdded);
  const showNotice = useStore((s) => s.showNotice);
  const { capabilities } = provider;
  const expiryChoices = useMemo(() => trackExpiryChoices(capabilities, new Date()), [capabilities]);

  const [name, setName] = useState('');
  // The pasted secret: this component's state only, dropped when the dialog unmounts it.
  const [secret, setSecret] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [role, setRole] = useState('');
  const [expiry, setExpiry] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (name.trim() === '') found.name = 'Give the token a name.';
    if (secret.trim() === '') found.secret = `Paste the token from ${provider.name}.`;
    for (const field of provider.trackFields) {
      if (field.required && (fields[field.key] ?? '').trim() === '') {
        found[`field:${field.key}`] = `Enter the ${field.label}.`;
      }
    }
    if (capabilities.roles.length > 0 && role === '') found.role = 'Choose the token’s role.';
    return found;
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const found = validate();
    // Rendered at once so the first field marked invalid can take focus.
    flushSync(() => setErrors(found));
    if (Object.keys(found).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSubmitting(true);
    setServerError(null);
    const expiresAt = expiresAtFrom(expiryChoices, expiry);
    const outcome = await attempt((api) =>
      api.tokens.track({
        accountId: account.id,
        name: name.trim(),
        secret: secret.trim(),
        ...fieldArgs(provider.trackFields, fields),
        ...(role === '' ? {} : { role }),
        ...(expiresAt === null ? {} : { expiresAt }),
      }),
    );
    if (!outcome.ok) {
      setServerError(outcome.error.message);
      setSubmitting(false);
      return;
    }
    tokensAdded([outcome.value]);
    onDone();
    showNotice({ tone: 'info', text: `${outcome.value.name} works and is tracked now.` });
  };

  return (
    <form noValidate className="form" aria-busy={submitting} onSubmit={(e) => void submit(e)}>
      <h2 className="modal-title">Track a token</h2>
      <p className="modal-subtitle">In {account.label}</p>
      <FormField label="Name" hint="How this token appears in TokenDesk." error={errors.name}>
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
      <FormField
        label="Token"
        hint={`Paste the token you just created in ${provider.name}. TokenDesk checks it works before keeping it, then stores it in your system keychain.`}
        error={errors.secret}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            required
            autoComplete="off"
            spellCheck={false}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
      </FormField>
      {provider.trackFields.map((field) => (
        <ProviderField
          key={field.key}
          field={field}
          value={fields[field.key] ?? ''}
          error={errors[`field:${field.key}`]}
          onChange={(value) => setFields((v) => ({ ...v, [field.key]: value }))}
        />
      ))}
      {capabilities.roles.length > 0 ? (
        <FormField
          label="Role"
          hint={`The role you gave the token in ${provider.name}; TokenDesk checks it with a request that role may make.`}
          error={errors.role}
        >
          {(control) => (
            <select {...control} required value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">Choose…</option>
              {capabilities.roles.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <TrackExpiryField
        serviceName={provider.name}
        choices={expiryChoices}
        value={expiry}
        onChange={setExpiry}
      />
      {serverError === null ? null : (
        <p role="alert" className="form-error">
          {serverError}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? 'Checking…' : 'Track token'}
        </button>
      </div>
    </form>
  );
}
