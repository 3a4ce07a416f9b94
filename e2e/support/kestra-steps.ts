import { expect } from '@playwright/test';
import type { KestraTokenView } from '../../sim/kestra/kestra.types';
import type { KestraFixture } from '../fixtures';
import type { TokenDeskPage } from '../pages/token-desk.page';

/** The user adds the fixture's Kestra account as "Kestra production", and the dialog closes. */
export async function addKestraProduction(
  app: TokenDeskPage,
  kestra: KestraFixture,
): Promise<void> {
  await app.addKestraAccount({
    label: 'Kestra production',
    baseUrl: kestra.sim.url,
    userId: kestra.user,
    tenant: kestra.tenant,
    credential: kestra.managementSecret,
  });
  await expect(app.addAccountDialog()).toHaveCount(0);
}

/** Creates a 30-day token through the UI: the secret revealed once, and the token at Kestra. */
export async function createKestraToken(
  app: TokenDeskPage,
  kestra: KestraFixture,
  name: string,
): Promise<{ secret: string; token: KestraTokenView }> {
  const secret = await app.createToken(name, '30 days');
  await app.closeReveal();
  const token = kestra.sim.tokens().find((t) => t.name === name);
  if (token === undefined) throw new Error(`${name} was not created at the service`);
  return { secret, token };
}
