import type { KeytarSecretStore } from '../../../src/main/platform/keytar-secret-store';
import type { Envelope } from '../../../src/shared/contract';
import type { TokenInfo } from '../../../src/shared/model';

export async function ok<T>(result: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await result;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as T;
}

interface CallingStack {
  call(channel: string, args: unknown): Promise<Envelope<unknown>>;
  secrets: KeytarSecretStore;
}

/** A Kestra account and a token TokenDesk created there, the token the targets get published. */
export async function createPublishedToken(
  stack: CallingStack,
  kestraUrl: string,
  management: string,
): Promise<{ ref: { accountId: string; tokenId: string }; secret: string }> {
  const account = await ok<{ id: string }>(
    stack.call('accounts:add', {
      provider: 'kestra',
      label: 'Kestra',
      baseUrl: kestraUrl,
      settings: { userId: 'admin', tenant: 'main' },
      credential: management,
    }),
  );
  const created = await ok<{ token: TokenInfo }>(
    stack.call('tokens:create', {
      accountId: account.id,
      name: 'ci-deploy-bot',
      expiry: { kind: 'days', days: 30 },
    }),
  );
  const ref = { accountId: account.id, tokenId: created.token.id };
  const secret = (await stack.secrets.get(`${ref.accountId}/${ref.tokenId}`)) ?? '';
  return { ref, secret };
}
