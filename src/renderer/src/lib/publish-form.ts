import type { CredentialRef, PublishTargetInput, PublishTargetKind } from '../../../shared/model';

/** The add-target form as typed: every field a string or a flag, whatever the kind. */
export interface PublishForm {
  kind: PublishTargetKind;
  repository: string;
  environment: string;
  secretName: string;
  project: string;
  key: string;
  masked: boolean;
  protected: boolean;
  environmentScope: string;
  path: string;
  profile: string;
}

export const emptyPublishForm: PublishForm = {
  kind: 'github-actions',
  repository: '',
  environment: '',
  secretName: '',
  project: '',
  key: '',
  // A token must never show up in job logs: masked unless the user says otherwise.
  masked: true,
  protected: false,
  environmentScope: '',
  path: '',
  profile: '',
};

export const targetKindLabels: Record<PublishTargetKind, string> = {
  'github-actions': 'GitHub Actions secret',
  'gitlab-variable': 'GitLab CI/CD variable',
  dotenv: '.env file entry',
  'podstack-profile': 'Podstack credentials profile',
};

/** Which service's token authorizes writing to the target; null for local files. */
export function credentialServiceOf(kind: PublishTargetKind): 'github' | 'gitlab' | null {
  switch (kind) {
    case 'github-actions':
      return 'github';
    case 'gitlab-variable':
      return 'gitlab';
    case 'dotenv':
    case 'podstack-profile':
      return null;
  }
}

export type PublishFormErrors = Partial<Record<keyof PublishForm, string>>;

function required(
  form: PublishForm,
  fields: Array<[keyof PublishForm, string]>,
): PublishFormErrors {
  const errors: PublishFormErrors = {};
  for (const [field, message] of fields) {
    const value = form[field];
    if (typeof value === 'string' && value.trim() === '') errors[field] = message;
  }
  return errors;
}

/** The fields the form cannot go without; main checks the services' naming rules. */
export function checkPublishForm(form: PublishForm): PublishFormErrors {
  switch (form.kind) {
    case 'github-actions':
      return required(form, [
        ['repository', 'Enter the repository as owner/name.'],
        ['secretName', 'Enter the secret name, e.g. API_TOKEN.'],
      ]);
    case 'gitlab-variable':
      return required(form, [
        ['project', 'Enter the project ID or path.'],
        ['key', 'Enter the variable key, e.g. DEPLOY_TOKEN.'],
      ]);
    case 'dotenv':
      return required(form, [
        ['path', 'Enter the path of the .env file.'],
        ['key', 'Enter the variable name, e.g. API_TOKEN.'],
      ]);
    case 'podstack-profile':
      return required(form, [['profile', 'Enter the profile name, e.g. default.']]);
  }
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** What publish:add takes; `credential` only matters for the CI services. */
export function toTargetInput(
  form: PublishForm,
  credential: CredentialRef | null,
): PublishTargetInput {
  const needsCredential = (): CredentialRef => {
    if (credential === null) throw new Error('a CI target needs a credential');
    return credential;
  };
  switch (form.kind) {
    case 'github-actions': {
      const environment = optional(form.environment);
      return {
        kind: 'github-actions',
        repository: form.repository.trim(),
        secretName: form.secretName.trim(),
        credential: needsCredential(),
        ...(environment === undefined ? {} : { environment }),
      };
    }
    case 'gitlab-variable': {
      const environmentScope = optional(form.environmentScope);
      return {
        kind: 'gitlab-variable',
        project: form.project.trim(),
        key: form.key.trim(),
        masked: form.masked,
        protected: form.protected,
        credential: needsCredential(),
        ...(environmentScope === undefined ? {} : { environmentScope }),
      };
    }
    case 'dotenv':
      return { kind: 'dotenv', path: form.path.trim(), key: form.key.trim() };
    case 'podstack-profile': {
      const path = optional(form.path);
      return {
        kind: 'podstack-profile',
        profile: form.profile.trim(),
        ...(path === undefined ? {} : { path }),
      };
    }
  }
}
