import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { CredentialRef, PublishTargetKind } from '../../../shared/model';
import { decodeError } from '../../../shared/errors';
import { call } from '../lib/api';
import { credentialChoices } from '../lib/publish-credentials';
import {
  checkPublishForm,
  credentialServiceOf,
  emptyPublishForm,
  targetKindLabels,
  toTargetInput,
  type PublishForm,
  type PublishFormErrors,
} from '../lib/publish-form';
import { useStore } from '../store';
import type { TokenRef } from '../store/tokens.slice';
import { FormField } from './form-field';
import {
  PASTE_CHOICE,
  PublishCredentialField,
  type PastedCredential,
} from './publish-credential-field';

interface PublishTargetFormProps {
  tokenRef: TokenRef;
  onAdded: () => void;
  onCancel: () => void;
}

const serviceNames = { github: 'GitHub', gitlab: 'GitLab' } as const;
const kinds = Object.keys(targetKindLabels) as PublishTargetKind[];

/** Binds one more target to the token; main checks names, paths and the credential first. */
export function PublishTargetForm({
  tokenRef,
  onAdded,
  onCancel,
}: PublishTargetFormProps): ReactNode {
  const accounts = useStore((s) => s.accounts);
  const providers = useStore((s) => s.providers);
  const inventory = useStore((s) => s.inventory);
  const addBinding = useStore((s) => s.addBinding);
  const tokensAdded = useStore((s) => s.tokensAdded);
  const [form, setForm] = useState<PublishForm>(emptyPublishForm);
  const [choice, setChoice] = useState('');
  const [pasted, setPasted] = useState<PastedCredential>({ accountId: '', name: '', secret: '' });
  const [errors, setErrors] = useState<PublishFormErrors & { credential?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const service = credentialServiceOf(form.kind);
  const choices = useMemo(
    () => (service === null ? null : credentialChoices(service, accounts, providers, inventory)),
    [service, accounts, providers, inventory],
  );
  const update = (patch: Partial<PublishForm>): void => setForm({ ...form, ...patch });

  const chooseCredential = (next: string): void => {
    setChoice(next);
    if (next === PASTE_CHOICE && choices !== null && choices.pasteAccounts.length === 1) {
      const [only] = choices.pasteAccounts;
      if (only !== undefined) setPasted({ ...pasted, accountId: only.id });
    }
  };

  const credentialProblem = (): string | undefined => {
    if (service === null) return undefined;
    if (choice === '') return `Choose the ${serviceNames[service]} token that may write there.`;
    if (choice !== PASTE_CHOICE) return undefined;
    if (pasted.accountId === '') return `Choose the ${serviceNames[service]} account.`;
    if (pasted.name.trim() === '' || pasted.secret.trim() === '') {
      return 'Give the pasted token a name and paste its secret.';
    }
    return undefined;
  };

  /** The chosen credential; a pasted one is tracked first, so it is checked and kept. */
  const resolveCredential = async (): Promise<CredentialRef | null> => {
    if (service === null || choices === null) return null;
    if (choice !== PASTE_CHOICE) {
      const option = choices.options.find((o) => o.value === choice);
      if (option === undefined) throw new Error('the chosen token is no longer listed');
      return option.ref;
    }
    const tracked = await call((api) =>
      api.tokens.track({ accountId: pasted.accountId, name: pasted.name, secret: pasted.secret }),
    );
    tokensAdded([tracked]);
    // Kept now: a second try uses it rather than pasting it again.
    setChoice(`${tracked.accountId}/${tracked.id}`);
    setPasted({ accountId: '', name: '', secret: '' });
    return { accountId: tracked.accountId, tokenId: tracked.id };
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found: PublishFormErrors & { credential?: string } = checkPublishForm(form);
    const credential = credentialProblem();
    if (credential !== undefined) found.credential = credential;
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await addBinding(tokenRef, toTargetInput(form, await resolveCredential()));
    } catch (thrown) {
      setFailure(decodeError(thrown).message);
      setSaving(false);
      return;
    }
    setSaving(false);
    onAdded();
  };

  const text = (
    field:
      | 'repository'
      | 'environment'
      | 'secretName'
      | 'project'
      | 'key'
      | 'environmentScope'
      | 'path'
      | 'profile',
    label: string,
    options: { hint?: string; optional?: boolean; placeholder?: string } = {},
  ): ReactNode => (
    <FormField label={label} hint={options.hint} error={errors[field]} optional={options.optional}>
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          placeholder={options.placeholder}
          value={form[field]}
          onChange={(e) => update({ [field]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <form
      className="form publish-form"
      aria-label="Add a target"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <FormField label="Target">
        {(control) => (
          <select
            {...control}
            value={form.kind}
            onChange={(e) => {
              setForm({ ...emptyPublishForm, kind: e.target.value as PublishTargetKind });
              setChoice('');
              setErrors({});
            }}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {targetKindLabels[kind]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {form.kind === 'github-actions' ? (
        <>
          {text('repository', 'Repository', { placeholder: 'octo-org/deploy-scripts' })}
          {text('environment', 'Environment', {
            optional: true,
            hint: "Leave empty for a repository secret; name an environment for that environment's secret.",
          })}
          {text('secretName', 'Secret name', { placeholder: 'API_TOKEN' })}
        </>
      ) : null}
      {form.kind === 'gitlab-variable' ? (
        <>
          {text('project', 'Project', { placeholder: 'my-group/my-project or 1234' })}
          {text('key', 'Variable key', { placeholder: 'DEPLOY_TOKEN' })}
          {text('environmentScope', 'Environment scope', { optional: true, placeholder: '*' })}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.masked}
              onChange={(e) => update({ masked: e.target.checked })}
            />
            Masked (hidden in job logs)
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.protected}
              onChange={(e) => update({ protected: e.target.checked })}
            />
            Protected (only protected branches and tags)
          </label>
        </>
      ) : null}
      {form.kind === 'dotenv' ? (
        <>
          {text('path', '.env file', {
            placeholder: '~/projects/app/.env',
            hint: 'An absolute path, or one under your home as ~/…; other lines are kept as they are.',
          })}
          {text('key', 'Variable name', { placeholder: 'API_TOKEN' })}
        </>
      ) : null}
      {form.kind === 'podstack-profile' ? (
        <>
          {text('profile', 'Profile', { placeholder: 'default' })}
          {text('path', 'Credentials file', {
            optional: true,
            placeholder: '~/.podstack/credentials',
          })}
        </>
      ) : null}
      {service === null || choices === null ? null : (
        <PublishCredentialField
          serviceName={serviceNames[service]}
          choices={choices}
          choice={choice}
          pasted={pasted}
          error={errors.credential}
          onChoice={chooseCredential}
          onPasted={setPasted}
        />
      )}
      {failure === null ? null : (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Add target
        </button>
      </div>
    </form>
  );
}
