import { AppError } from '../../../../shared/errors';

/** Whose tokens an account manages: one user's, or one service account's. */
export type KestraOwner =
  { kind: 'user'; userId: string } | { kind: 'service-account'; serviceAccountId: string };

export interface KestraSettings {
  owner: KestraOwner;
  tenant: string | null;
}

const OWNER_ID = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;
/** Kestra tenant ids: letters, digits, '-' and '_' (they appear as one URL path segment). */
const TENANT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

function checkOwnerId(id: string, what: string): string {
  if (!OWNER_ID.test(id)) {
    throw new AppError(
      'VALIDATION',
      `The Kestra ${what} may contain only letters, digits and . _ @ + - (no spaces or slashes), up to 128 characters.`,
    );
  }
  return id;
}

function parseOwner(settings: Record<string, string>): KestraOwner {
  const userId = (settings.userId ?? '').trim();
  const serviceAccountId = (settings.serviceAccountId ?? '').trim();
  if (userId !== '' && serviceAccountId !== '') {
    throw new AppError(
      'VALIDATION',
      'Enter a Kestra user ID or a service account ID, not both: one TokenDesk account manages the tokens of one user or one service account.',
    );
  }
  if (serviceAccountId !== '') {
    return {
      kind: 'service-account',
      serviceAccountId: checkOwnerId(serviceAccountId, 'service account ID'),
    };
  }
  if (userId === '') {
    throw new AppError(
      'VALIDATION',
      'Enter the Kestra user ID whose tokens TokenDesk manages (Administration → Users), or the ID of a service account (Administration → Service Accounts).',
    );
  }
  return { kind: 'user', userId: checkOwnerId(userId, 'user ID') };
}

export function parseKestraSettings(settings: Record<string, string>): KestraSettings {
  const owner = parseOwner(settings);
  const tenant = (settings.tenant ?? '').trim();
  if (tenant !== '' && !TENANT.test(tenant)) {
    throw new AppError(
      'VALIDATION',
      'The Kestra tenant may contain only letters, digits, - and _, up to 63 characters. Leave it empty if your Kestra has no tenants.',
    );
  }
  return { owner, tenant: tenant === '' ? null : tenant };
}

/** The stored form: only known keys, and no empty tenant. */
export function kestraSettingsRecord(settings: KestraSettings): Record<string, string> {
  const owner: Record<string, string> =
    settings.owner.kind === 'user'
      ? { userId: settings.owner.userId }
      : { serviceAccountId: settings.owner.serviceAccountId };
  return settings.tenant === null ? owner : { ...owner, tenant: settings.tenant };
}
