import { AppError } from '../../../../shared/errors';

export interface KestraSettings {
  userId: string;
  tenant: string | null;
}

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;
/** Kestra tenant ids: letters, digits, '-' and '_' (they appear as one URL path segment). */
const TENANT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

export function parseKestraSettings(settings: Record<string, string>): KestraSettings {
  const userId = (settings.userId ?? '').trim();
  if (userId === '') {
    throw new AppError(
      'VALIDATION',
      'Enter the Kestra user ID whose tokens TokenDesk manages (shown in Kestra under Administration → Users).',
    );
  }
  if (!USER_ID.test(userId)) {
    throw new AppError(
      'VALIDATION',
      'The Kestra user ID may contain only letters, digits and . _ @ + - (no spaces or slashes), up to 128 characters.',
    );
  }
  const tenant = (settings.tenant ?? '').trim();
  if (tenant !== '' && !TENANT.test(tenant)) {
    throw new AppError(
      'VALIDATION',
      'The Kestra tenant may contain only letters, digits, - and _, up to 63 characters. Leave it empty if your Kestra has no tenants.',
    );
  }
  return { userId, tenant: tenant === '' ? null : tenant };
}

/** The stored form: only known keys, and no empty tenant. */
export function kestraSettingsRecord(settings: KestraSettings): Record<string, string> {
  return settings.tenant === null
    ? { userId: settings.userId }
    : { userId: settings.userId, tenant: settings.tenant };
}
