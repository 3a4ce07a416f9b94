import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RotationJournal } from '../../src/main/core/rotation/rotation-journal';
import type { RotationRecord } from '../../src/main/core/rotation/rotation-record';
import { AppNoticeSchema } from '../../src/shared/model';
import type { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';
import { filesContaining } from '../../e2e/support/secret-scan';
import type { CrashWorld, ServiceTokenFacts } from './crash-scenarios';
import { keychainEntries } from './rotation-stack';

const MARKED_NAME = /-r[0-9a-f]{8}$/;
const MARKED_DESCRIPTION = /\(TokenDesk rotation r[0-9a-f]{8}\)/;

function rotationMade(token: ServiceTokenFacts): boolean {
  return MARKED_NAME.test(token.name) || MARKED_DESCRIPTION.test(token.description ?? '');
}

/**
 * A roll sent without an answer while the old token still works: the service may still be doing
 * it, so the rotation waits for a retry (and every refresh looks again) instead of calling it off.
 */
function awaitsLateRoll(journal: RotationRecord): boolean {
  return (
    journal.method === 'roll' &&
    journal.rollAttempted &&
    journal.newTokenId === null &&
    journal.status === 'needs-user' &&
    journal.waitingFor === 'retry'
  );
}

/**
 * What must hold once recovery has run, whatever moment the process was killed at:
 * 1. every active token TokenDesk is answerable for has its secret in the keychain;
 * 2. no rotation-created token is active unless it is the current one (its rotation is done);
 * 3. the old token is current (rolled back: active, secret kept) or revoked (done: secret gone);
 * 4. every journal ends done or rolled-back, or (a roll whose call went out unanswered, the old
 *    token still working) stopped for a retry while the roll may still land at the service;
 * 5. no secret in any file of the data dir;
 * 6. every publish target holds a live token's secret, or a notice the user sees names it;
 * and, so nothing is silently stale or locked out: the keychain holds no secret of a dead token,
 * and the account's `manage` credential is a live token.
 */
export async function invariantViolations(
  world: CrashWorld,
  secrets: KeytarSecretStore,
): Promise<string[]> {
  const violations: string[] = [];
  const tokens = world.serviceTokens();
  const keychain = await keychainEntries(secrets);
  const held = new Set(keychain.values());
  const journals = await new RotationJournal(world.dataDir).list();
  const describe = (token: ServiceTokenFacts) => `“${token.name}” (${token.id})`;

  for (const token of tokens) {
    if (token.active && world.isTokenDeskToken(token) && !held.has(token.secret)) {
      violations.push(`active token ${describe(token)} has no secret in the keychain`);
    }
    if (!token.active && held.has(token.secret)) {
      violations.push(`the keychain still holds the secret of dead token ${describe(token)}`);
    }
    if (token.active && rotationMade(token)) {
      const current = journals.some((j) => j.newTokenId === token.id && j.status === 'done');
      if (!current) violations.push(`rotation-created token ${describe(token)} is active`);
    }
  }

  for (const journal of journals) {
    if (journal.status !== 'done' && journal.status !== 'rolled-back' && !awaitsLateRoll(journal)) {
      violations.push(`journal ${journal.rotationId} ended ${journal.status}`);
    }
  }

  const old = tokens.find((token) => token.id === world.oldTokenId);
  const rotation = journals.find((j) => j.oldTokenId === world.oldTokenId);
  if (old === undefined) {
    violations.push('the old token vanished from the service');
  } else if (
    rotation === undefined ||
    rotation.status === 'rolled-back' ||
    awaitsLateRoll(rotation)
  ) {
    if (!old.active) violations.push('the rotation did not finish, yet the old token is revoked');
    if (!held.has(world.oldSecret))
      violations.push('the old token is current but its secret is gone');
  } else if (rotation.status === 'done') {
    if (old.active) violations.push('the rotation is done, yet the old token is active');
    if (held.has(world.oldSecret))
      violations.push('the rotation is done, yet the old secret is kept');
  }

  const manage = keychain.get(`${world.accountId}/manage`);
  // A guided account has no management credential: TokenDesk never calls its token API.
  const managed = world.guidedUser === undefined;
  if (managed && (manage === undefined || !tokens.some((t) => t.active && t.secret === manage))) {
    violations.push("the account's management credential is not a live token");
  }

  if (world.publishedSecrets !== undefined) {
    const live = new Set(tokens.filter((t) => t.active).map((t) => t.secret));
    const told = await toldTargets(world.dataDir);
    for (const { target, secret } of await world.publishedSecrets()) {
      if (secret !== undefined && live.has(secret)) continue;
      if (!told.has(target)) {
        violations.push(`${target} holds no live token's secret and no notice says so`);
      }
    }
  }

  for (const token of tokens) {
    const files = await filesContaining(world.dataDir, token.secret);
    for (const file of files) violations.push(`a secret is written in ${file}`);
  }
  return violations;
}

/** The targets a rotation-recovered notice tells the user may not hold a working secret. */
async function toldTargets(dataDir: string): Promise<Set<string>> {
  const text = await readFile(join(dataDir, 'notices.json'), 'utf8').catch(() => null);
  if (text === null) return new Set();
  const parsed = z
    .object({ notices: z.array(AppNoticeSchema) })
    .safeParse(JSON.parse(text) as unknown);
  if (!parsed.success) return new Set();
  return new Set(
    parsed.data.notices.flatMap((notice) =>
      notice.kind === 'rotation-recovered'
        ? notice.targets.filter((t) => t.holds === 'unknown').map((t) => t.target)
        : [],
    ),
  );
}
