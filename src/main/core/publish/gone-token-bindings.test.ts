import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublishBinding } from '../../../shared/model';
import { rotateAndSettle, rotationWorld } from '../rotation/rotation-test-kit';
import {
  addFakeAccount,
  addGuidedAccount,
  createTestCore,
  type TestCore,
} from '../test-support/test-core';
import { PublishBindings } from './publish-bindings';

/** A token TokenDesk created, with its secret stored. */
async function createdToken(t: TestCore, accountId: string, name: string): Promise<string> {
  const created = await t.core.tokens.create({ accountId, name, expiry: { kind: 'never' } });
  return created.token.id;
}

function bindEnv(t: TestCore, accountId: string, tokenId: string, key: string) {
  return t.core.publishing.add(accountId, tokenId, { kind: 'dotenv', path: '~/app/.env', key });
}

/** What publish-bindings.json holds, read from disk as the next start would. */
async function storedBindings(t: TestCore): Promise<Array<Pick<PublishBinding, 'tokenId'>>> {
  const bindings = await new PublishBindings(t.dataDir).all();
  return bindings.map((b) => ({ tokenId: b.tokenId }));
}

describe('publish bindings of tokens that are gone', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('go with a revoked token; the other tokens keep theirs', async () => {
    t = await createTestCore();
    const { accountId } = await addFakeAccount(t);
    const revoked = await createdToken(t, accountId, 'old');
    const kept = await createdToken(t, accountId, 'new');
    await bindEnv(t, accountId, revoked, 'OLD_TOKEN');
    await bindEnv(t, accountId, kept, 'NEW_TOKEN');

    await t.core.tokens.revoke(accountId, revoked);

    expect(await t.core.publishing.list(accountId, revoked)).toEqual([]);
    expect(await storedBindings(t)).toEqual([{ tokenId: kept }]);
  });

  it('stay when the service refuses the revoke', async () => {
    t = await createTestCore();
    const { accountId } = await addFakeAccount(t);
    const tokenId = await createdToken(t, accountId, 'old');
    const binding = await bindEnv(t, accountId, tokenId, 'OLD_TOKEN');
    t.provider.failNext.revoke = 'SERVICE_ERROR';

    await expect(t.core.tokens.revoke(accountId, tokenId)).rejects.toMatchObject({
      code: 'SERVICE_ERROR',
    });
    expect(await t.core.publishing.list(accountId, tokenId)).toEqual([binding]);
  });

  it('go with a forgotten tracked token', async () => {
    t = await createTestCore({ guided: true });
    const accountId = await addGuidedAccount(t);
    const tracked = await Promise.all(
      ['ci', 'deploy'].map((name) =>
        t.core.tracking.track({
          accountId,
          name,
          secret: t.provider.seed(name).secret,
          role: 'Owner',
        }),
      ),
    );
    const [forgotten, kept] = tracked.map((token) => token.id);
    if (forgotten === undefined || kept === undefined) throw new Error('two tokens expected');
    await bindEnv(t, accountId, forgotten, 'CI_TOKEN');
    await bindEnv(t, accountId, kept, 'DEPLOY_TOKEN');

    await t.core.tracking.forget(accountId, forgotten);

    expect(await storedBindings(t)).toEqual([{ tokenId: kept }]);
  });

  it("go with every token of a removed account, and only that account's", async () => {
    t = await createTestCore();
    const work = await addFakeAccount(t, 'Work');
    const home = await addFakeAccount(t, 'Home');
    const workTokens = [
      await createdToken(t, work.accountId, 'a'),
      await createdToken(t, work.accountId, 'b'),
    ];
    const homeToken = await createdToken(t, home.accountId, 'c');
    await bindEnv(t, work.accountId, workTokens[0] ?? '', 'A_TOKEN');
    await bindEnv(t, work.accountId, workTokens[1] ?? '', 'B_TOKEN');
    await bindEnv(t, home.accountId, homeToken, 'C_TOKEN');

    await t.core.accounts.remove(work.accountId);

    expect(await storedBindings(t)).toEqual([{ tokenId: homeToken }]);
  });

  it('move to the successor of a rotated token instead of going with the old one', async () => {
    const w = await rotationWorld();
    t = w.t;
    await bindEnv(t, w.accountId, w.tokenId, 'CI_TOKEN');
    // The test core's home is its data dir; the .env file's folder must exist to be written.
    await mkdir(join(t.dataDir, 'app'));

    const view = await rotateAndSettle(w);

    expect(view.error).toBeNull();
    expect(view.status).toBe('done');
    expect(view.newTokenId).not.toBeNull();
    expect(await storedBindings(t)).toEqual([{ tokenId: view.newTokenId }]);
  });
});
