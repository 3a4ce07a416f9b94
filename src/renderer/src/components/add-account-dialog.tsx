import { useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { ProviderInfo, ProviderKind } from '../../../shared/model';
import { attempt } from '../lib/api';
import { useStore } from '../store';
import { CredentialField } from './credential-field';
import { FormField } from './form-field';
import { Modal } from './modal';
import { ProviderField } from './provider-field';

interface FormValues {
  label: string;
  baseUrl: string;
  settings: Record<string, string>;
  /** The management credential: local to this dialog, gone when it closes. */
  credential: string;
}

type FieldErrors = Record<string, string>;

const initialValues = (provider: ProviderInfo | undefined): FormValues => ({
  label: '',
  baseUrl: provider === undefined ? '' : (provider.defaultBaseUrl ?? ''),
  settings: {},
  credential: '',
});

/** Only emptiness is checked here; main validates everything else and explains it. */
function findMissing(provider: ProviderInfo, values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.label.trim() === '') errors.label = 'Give the account a name.';
  if (values.baseUrl.trim() === '') errors.baseUrl = 'Enter the service URL.';
  for (const field of provider.accountFields) {
    if (field.required && (values.settings[field.key] ?? '').trim() === '') {
      errors[`setting:${field.key}`] = `Enter the ${field.label}.`;
    }
  }
  if (provider.credentialNeed === 'required' && values.credential.trim() === '') {
    errors.credential = `Enter the ${provider.credentialLabel}.`;
  }
  return errors;
}

/** Sent only when the service takes one and the user gave it; none means a guided account. */
function credentialToSend(provider: ProviderInfo, values: FormValues): { credential?: string } {
  const credential = values.credential.trim();
  return provider.credentialNeed === 'none' || credential === '' ? {} : { credential };
}

function filledSettings(provider: ProviderInfo, values: FormValues): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const field of provider.accountFields) {
    const value = (values.settings[field.key] ?? '').trim();
    if (value !== '') settings[field.key] = value;
  }
  return settings;
}

export function AddAccountDialog(): ReactNode {
  const providers = useStore((s) => s.providers);
  const closeDialog = useStore((s) => s.closeDialog);
  const accountAdded = useStore((s) => s.accountAdded);

  const [kind, setKind] = useState<ProviderKind | undefined>(providers[0]?.kind);
  const provider = providers.find((p) => p.kind === kind);
  const [values, setValues] = useState<FormValues>(() => initialValues(provider));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const update = (patch: Partial<FormValues>): void => setValues((v) => ({ ...v, ...patch }));
  const updateSetting = (key: string, value: string): void =>
    setValues((v) => ({ ...v, settings: { ...v.settings, [key]: value } }));

  const changeProvider = (next: string): void => {
    const nextProvider = providers.find((p) => p.kind === next);
    if (nextProvider === undefined) return;
    setKind(nextProvider.kind);
    setErrors({});
    setValues((v) => {
      // Keep a URL the user typed; replace one we prefilled.
      const prefilled = v.baseUrl === '' || v.baseUrl === (provider?.defaultBaseUrl ?? '');
      return {
        ...v,
        settings: {},
        baseUrl: prefilled ? (nextProvider.defaultBaseUrl ?? '') : v.baseUrl,
        // A credential typed for one service is never sent to another.
        credential: '',
      };
    });
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (provider === undefined || submitting) return;
    const form = event.currentTarget;
    const missing = findMissing(provider, values);
    // Rendered at once so the first field marked invalid can take focus.
    flushSync(() => setErrors(missing));
    if (Object.keys(missing).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSubmitting(true);
    setServerError(null);
    const outcome = await attempt((api) =>
      api.accounts.add({
        provider: provider.kind,
        label: values.label.trim(),
        baseUrl: values.baseUrl.trim(),
        settings: filledSettings(provider, values),
        ...credentialToSend(provider, values),
      }),
    );
    if (!outcome.ok) {
      setServerError(outcome.error.message);
      setSubmitting(false);
      return;
    }
    accountAdded(outcome.value);
    closeDialog();
  };

  return (
    <Modal label="Add account" onClose={closeDialog}>
      <h2 className="modal-title">Add account</h2>
      {provider === undefined ? (
        <>
          <p role="alert">This build of TokenDesk knows no services to add.</p>
          <div className="modal-actions">
            <button type="button" onClick={closeDialog}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form noValidate className="form" aria-busy={submitting} onSubmit={(e) => void submit(e)}>
          <FormField label="Service">
            {(control) => (
              <select
                {...control}
                value={provider.kind}
                onChange={(e) => changeProvider(e.target.value)}
              >
                {providers.map((p) => (
                  <option key={p.kind} value={p.kind}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            label="Name"
            hint="How this account appears in TokenDesk."
            error={errors.label}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                required
                autoComplete="off"
                value={values.label}
                onChange={(e) => update({ label: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Service URL" error={errors.baseUrl}>
            {(control) => (
              <input
                {...control}
                type="url"
                required
                autoComplete="off"
                spellCheck={false}
                value={values.baseUrl}
                onChange={(e) => update({ baseUrl: e.target.value })}
              />
            )}
          </FormField>
          {provider.accountFields.map((field) => (
            <ProviderField
              key={`${provider.kind}:${field.key}`}
              field={field}
              value={values.settings[field.key] ?? ''}
              error={errors[`setting:${field.key}`]}
              onChange={(value) => updateSetting(field.key, value)}
            />
          ))}
          <CredentialField
            provider={provider}
            value={values.credential}
            error={errors.credential}
            onChange={(credential) => update({ credential })}
          />
          {serverError === null ? null : (
            <p role="alert" className="form-error">
              {serverError}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={closeDialog}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={submitting}>
              Add account
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
