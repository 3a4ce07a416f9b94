import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/contract';
import type { RotationView, TokenInfo } from '../../src/shared/model';
import type { FailureSpec } from '../../sim/common/sim-types';
import { randomBytes } from 'node:crypto';
import { startGitlabCiSim } from '../../sim/gitlab-ci/gitlab-ci.sim';
import { startGithubSim } from '../../sim/github/github.sim';
import { newGithubToken } from '../../sim/github/github-state';
import {
  CLIENT_TIMEOUT_MS,
  gitlabAccountsOnly,
  startFaultStack,
  type FaultStack,
} from './support/fault-stack';
import { serviceCases, type FaultWorld, type LiveToken } from './support/fault-worlds';
import { Tally } from './support/results';

/** The work of a "commit late" fault lands this long after the request, long after the client gave up. */
const LATE_MS = CLIENT_TIMEOUT_MS * 5;

/** Each fault once, on the first request to the call's route; the service's own words where it has any. */
const faults: [string, Omit<FailureSpec, 'route'>][] = [
  ['commit then 503', { kind: 'commit-then-status', status: 503, times: 1 }],
  ['commit then close', { kind: 'commit-then-close', times: 1 }],
  ['commit after the client’s timeout', { kind: 'commit-late', delayMs: LATE_MS, times: 1 }],
  ['refuse 401', { kind: 'status', status: 401, message: '401 Unauthorized', times: 1 }],
  ['refuse 422', { kind: 'status', status: 422, message: 'Name has already been taken', times: 1 }],
  ['500 before commit', { kind: 'status', status: 500, times: 1 }],
  ['429 with Retry-After', { kind: 'status', status: 429, retryAfter: '1', times: 1 }],
];

const tally = new Tally('fault-matrix', 'fault matrix (service × mutating call × fault)');
afterAll(() => tally.record());

interface Counts {
  'stranded tokens': number;
  'lost secrets': number;
  'family revocations': number;
  'targets holding a dead secret without a notice naming them'?: number;
}

function resultOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as T;
}

async function keychainValues(stack: FaultStack): Promise<Set<string>> {
  const values = new Set<string>();
  for (const key of await stack.secrets.list()) {
    const value = await stack.secrets.get(key);
    if (value !== null) values.add(value);
  }
  return values;
}

/** Named, by id, in what an unfinished rotation tells the user it needs. */
function shownAsNeedingUser(token: LiveToken, views: readonly RotationView[]): boolean {
  return views.some(
    (view) =>
      view.status === 'needs-user' &&
      [view.error?.message ?? '', view.instruction ?? ''].some((text) =>
        text.includes(`(id ${token.id})`),
      ),
  );
}

/**
 * The invariants after a rotation met a fault and the refreshes that resolve uncertainty ran:
 * every live token of the rotated family has its secret in the keychain (or the user is told),
 * at least one of them does, and no token family was revoked.
 */
async function count(
  world: FaultWorld,
  stack: FaultStack,
  before: ReadonlySet<string>,
  oldTokenId: string,
): Promise<Counts> {
  const held = await keychainValues(stack);
  const views = await stack.core.rotation.list();
  const family = world
    .liveTokens()
    .filter((token) => token.id === oldTokenId || !before.has(token.id));
  const stranded = family.filter(
    (token) => !held.has(token.secret) && !shownAsNeedingUser(token, views),
  );
  const usable = family.filter((token) => held.has(token.secret));
  return {
    'stranded tokens': stranded.length,
    'lost secrets': usable.length === 0 ? 1 : 0,
    'family revocations': world.familyRevocations(),
  };
}

/** A refresh lets rotations left uncertain look again; the runs it starts are waited for. */
async function refreshAndSettle(stack: FaultStack, accountId: string): Promise<void> {
  resultOf(await stack.call('tokens:refresh', { accountId }));
  for (const view of await stack.core.rotation.list()) {
    await stack.core.rotation.whenSettled(view.rotationId);
  }
}

const cells = serviceCases.flatMap((serviceCase) =>
  Object.entries(serviceCase.routes).flatMap(([call, route]) =>
    faults.map(([fault, spec]) => ({ serviceCase, call, fault, failure: { route, ...spec } })),
  ),
);

describe('fault matrix: every API-managed service × mutating call × fault, on the real keychain', () => {
  it.each(cells)(
    '$serviceCase.service, $call, $fault',
    async ({ serviceCase, call, fault, failure }) => {
      const world = await serviceCase.start();
      const stack = await startFaultStack();
      try {
        const accountId = resultOf<{ id: string }>(
          await stack.call('accounts:add', world.account),
        ).id;
        const old = resultOf<{ token: TokenInfo; secret: string }>(
          await stack.call('tokens:create', { accountId, ...world.token }),
        );
        const before = new Set(world.liveTokens().map((token) => token.id));
        world.sim.injectFailure(failure);

        const { rotationId } = resultOf<{ rotationId: string }>(
          await stack.call('rotation:start', { accountId, tokenId: old.token.id }),
        );
        const settled = await stack.core.rotation.whenSettled(rotationId);
        if (settled.error !== null) tally.add(`outcome: ${settled.status}`);
        // The late work lands; the next refreshes are where TokenDesk looks again.
        await new Promise((resolve) => setTimeout(resolve, LATE_MS + 300));
        await refreshAndSettle(stack, accountId);
        await refreshAndSettle(stack, accountId);

        const counts = await count(world, stack, before, old.token.id);
        tally.add('cells');
        for (const [figure, value] of Object.entries(counts) as [keyof Counts, number][]) {
          tally.add(figure, value);
          if (value > 0)
            tally.violation(`${serviceCase.service} ${call} ${fault}: ${figure} ${value}`);
        }
        const final = await stack.core.rotation.view(rotationId);
        expect(
          counts,
          `${final.status}: ${final.error?.message ?? ''} ${final.instruction ?? ''}`,
        ).toEqual({ 'stranded tokens': 0, 'lost secrets': 0, 'family revocations': 0 });
      } finally {
        await stack.stop();
        await world.sim.close();
      }
    },
  );
});

/** Said somewhere the user reads (a rotation's error, instruction or target results, a notice). */
async function named(stack: FaultStack, parts: readonly string[]): Promise<boolean> {
  const texts: string[] = [];
  for (const view of await stack.core.rotation.list()) {
    texts.push(
      view.error?.message ?? '',
      view.instruction ?? '',
      JSON.stringify(view.publishResults),
    );
  }
  texts.push(JSON.stringify(await stack.core.notices.list()));
  return texts.some((text) => parts.every((part) => text.includes(part)));
}

/** A CI target bound to the rotated token, on its simulator. */
interface BoundTarget {
  /** What the target holds now. */
  held: () => string | undefined;
  /** How the user knows it: every part must appear in a notice about it. */
  names: readonly string[];
  close: () => Promise<void>;
}

interface TargetCase {
  name: string;
  /** The write the fault hits. */
  route: string;
  /** Publish the old secret first, so the rotation's write updates (PUT) rather than creates. */
  publishFirst: boolean;
  bind(
    stack: FaultStack,
    published: { accountId: string; tokenId: string },
  ): Promise<{
    target: BoundTarget;
    inject: (failure: FailureSpec) => void;
  }>;
}

async function bindGithubSecret(
  stack: FaultStack,
  published: { accountId: string; tokenId: string },
) {
  const credential = newGithubToken();
  const github = await startGithubSim({
    repos: [{ fullName: 'octo/app' }],
    tokens: [{ secret: credential, login: 'octocat', repos: { 'octo/app': 'admin' } }],
  });
  const account = resultOf<{ id: string }>(
    await stack.call('accounts:add', {
      provider: 'github',
      label: 'GitHub',
      baseUrl: github.url,
      settings: {},
    }),
  );
  const tracked = resultOf<TokenInfo>(
    await stack.call('tokens:track', {
      accountId: account.id,
      name: 'ci-publisher',
      secret: credential,
    }),
  );
  resultOf(
    await stack.call('publish:add', {
      ...published,
      target: {
        kind: 'github-actions',
        repository: 'octo/app',
        secretName: 'KESTRA_TOKEN',
        credential: { accountId: account.id, tokenId: tracked.id },
      },
    }),
  );
  return {
    target: {
      held: () => github.secretValue('octo/app', 'KESTRA_TOKEN'),
      names: ['octo/app', 'KESTRA_TOKEN'],
      close: () => github.close(),
    },
    inject: (failure: FailureSpec) => github.injectFailure(failure),
  };
}

async function bindGitlabVariable(
  stack: FaultStack,
  published: { accountId: string; tokenId: string },
) {
  const credential = `glpat-${randomBytes(12).toString('hex')}`;
  const gitlab = await startGitlabCiSim({
    projects: [{ id: 7, pathWithNamespace: 'group/app', variables: [] }],
    tokens: [{ secret: credential, username: 'maint', projects: { '7': 40 } }],
  });
  const account = resultOf<{ id: string }>(
    await stack.call('accounts:add', {
      provider: 'gitlab',
      label: 'GitLab',
      baseUrl: gitlab.url,
      settings: {},
      credential,
    }),
  );
  resultOf(
    await stack.call('publish:add', {
      ...published,
      target: {
        kind: 'gitlab-variable',
        project: 'group/app',
        key: 'DEPLOY_TOKEN',
        masked: true,
        protected: true,
        environmentScope: '*',
        credential: { accountId: account.id, tokenId: 'manage' },
      },
    }),
  );
  return {
    target: {
      held: () => gitlab.variable('group/app', 'DEPLOY_TOKEN')?.value,
      names: ['group/app', 'DEPLOY_TOKEN'],
      close: () => gitlab.close(),
    },
    inject: (failure: FailureSpec) => gitlab.injectFailure(failure),
  };
}

const targetCases: TargetCase[] = [
  { name: 'GitHub secret PUT', route: 'putRepoSecret', publishFirst: true, bind: bindGithubSecret },
  {
    name: 'GitLab CI variable PUT',
    route: 'updateVariable',
    publishFirst: true,
    bind: bindGitlabVariable,
  },
  {
    name: 'GitLab CI variable POST',
    route: 'createVariable',
    publishFirst: false,
    bind: bindGitlabVariable,
  },
];

const publishCells = targetCases.flatMap((targetCase) =>
  faults.map(([fault, spec]) => ({ targetCase, fault, spec })),
);

describe('fault matrix: publish writes during a Kestra rotation', () => {
  const kestra = serviceCases.find((serviceCase) => serviceCase.service === 'Kestra');
  it.each(publishCells)('$targetCase.name, $fault', async ({ targetCase, fault, spec }) => {
    if (kestra === undefined) throw new Error('no Kestra case');
    const world = await kestra.start();
    const stack = await startFaultStack([gitlabAccountsOnly]);
    let bound: BoundTarget | null = null;
    try {
      const accountId = resultOf<{ id: string }>(
        await stack.call('accounts:add', world.account),
      ).id;
      const old = resultOf<{ token: TokenInfo; secret: string }>(
        await stack.call('tokens:create', { accountId, ...world.token }),
      );
      const published = { accountId, tokenId: old.token.id };
      const { target, inject } = await targetCase.bind(stack, published);
      bound = target;
      if (targetCase.publishFirst) {
        resultOf(await stack.call('publish:run', published));
        expect(target.held()).toBe(old.secret);
      }
      const before = new Set(world.liveTokens().map((token) => token.id));
      inject({ route: targetCase.route, ...spec });

      const { rotationId } = resultOf<{ rotationId: string }>(
        await stack.call('rotation:start', published),
      );
      await stack.core.rotation.whenSettled(rotationId);
      await new Promise((resolve) => setTimeout(resolve, LATE_MS + 300));
      await refreshAndSettle(stack, accountId);

      const counts = await count(world, stack, before, old.token.id);
      const held = target.held();
      const live = new Set(world.liveTokens().map((token) => token.secret));
      const deadTarget =
        held !== undefined && !live.has(held) && !(await named(stack, target.names));
      counts['targets holding a dead secret without a notice naming them'] = deadTarget ? 1 : 0;
      tally.add('cells');
      for (const [figure, value] of Object.entries(counts) as [keyof Counts, number][]) {
        tally.add(figure, value);
        if (value > 0) tally.violation(`${targetCase.name} ${fault}: ${figure} ${value}`);
      }
      const final = await stack.core.rotation.view(rotationId);
      expect(
        counts,
        `${final.status}: ${final.error?.message ?? ''} ${final.instruction ?? ''}`,
      ).toEqual({
        'stranded tokens': 0,
        'lost secrets': 0,
        'family revocations': 0,
        'targets holding a dead secret without a notice naming them': 0,
      });
    } finally {
      await stack.stop();
      await world.sim.close();
      await bound?.close();
    }
  });
});
