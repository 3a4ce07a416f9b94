import type { Account } from '../../../../shared/model';

/** An account as the registry stores it; a test names the fields its adapter reads. */
export function testAccount(
  fields: Pick<Account, 'provider' | 'baseUrl' | 'mode'> & Partial<Account>,
): Account {
  return {
    id: `acc-${fields.provider}`,
    label: fields.provider,
    settings: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    tokenPageUrl: null,
    ...fields,
  };
}
