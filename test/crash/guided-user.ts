import type { RotationView } from '../../src/shared/model';
import type { RotationStack } from './rotation-stack';

/**
 * What the crash harness's user does in a guided service's dashboard (passed to the worker as
 * TD_USER): create the replacement in `account`, and revoke the old token `oldTokenId` there.
 */
export interface GuidedUser {
  account: string;
  oldTokenId: string;
  expiresInDays: number | null;
}

interface SimToken {
  name: string;
  secret: string;
  status: string;
}

const MAX_ROUNDS = 10;

async function sim(simUrl: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  // 404 on a revoke: the user revoked it before the crash; the goal holds.
  if (!response.ok && response.status !== 404) throw new Error(`sim ${path}: ${response.status}`);
  return response.json();
}

/**
 * The token the user made for this rotation. A user whose app died after they created it still
 * has its secret on screen and pastes that one again; the simulator's state stands in for that
 * memory, so a crash never makes the user leave a second token behind.
 */
async function replacementSecret(
  user: GuidedUser,
  simUrl: string,
  view: RotationView,
): Promise<string> {
  const name = `${view.newTokenName} (rotation ${view.rotationId.slice(0, 8)})`;
  const state = (await sim(simUrl, '/__sim/state')) as { service: { tokens: SimToken[] } };
  const made = state.service.tokens.find((t) => t.name === name && t.status === 'active');
  if (made !== undefined) return made.secret;
  const created = (await sim(simUrl, '/__sim/dashboard/create-token', {
    account: user.account,
    name,
    expiresInDays: user.expiresInDays,
  })) as { token: string };
  return created.token;
}

/** Acts on every rotation that waits for the user, until none does. */
export async function actAsUser(
  stack: RotationStack,
  user: GuidedUser,
  simUrl: string,
): Promise<void> {
  const rotation = stack.core.rotation;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const waiting = (await rotation.list()).filter((view) => view.status === 'needs-user');
    if (waiting.length === 0) return;
    for (const view of waiting) {
      if (view.waitingFor === 'secret') {
        await rotation.provideSecret(view.rotationId, await replacementSecret(user, simUrl, view));
      } else if (view.waitingFor === 'revoke') {
        await sim(simUrl, '/__sim/dashboard/revoke-token', { tokenId: user.oldTokenId });
        await rotation.confirmRevoked(view.rotationId);
      } else {
        await rotation.retry(view.rotationId);
      }
    }
  }
}
