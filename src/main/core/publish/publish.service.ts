import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { PublishBinding, PublishTarget, PublishTargetInput } from '../../../shared/model';
import type { AccountRegistry } from '../accounts/account-registry';
import type { Clock } from '../clock';
import type { HttpClient } from '../http/http-client.types';
import type { Logger } from '../log/logger';
import { redact } from '../log/redact';
import type { RotationLeases } from '../rotation/rotation-leases';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { SecretLedger } from '../tokens/secret-ledger';
import type { LastResult, PublishBindings } from './publish-bindings';
import type { PublishResult, Publisher } from './publisher';
import type { TargetCredentials } from './target-credentials';
import { describeTarget, destinationOf, resolveTarget } from './target-spec';
import { mayHaveChanged } from './write-outcome';
import { publishToDotenv } from './targets/dotenv.target';
import { publishToGithubActions } from './targets/github-actions.target';
import { publishToGitlabVariable } from './targets/gitlab-variable.target';
import { publishToPodstackProfile } from './targets/podstack-profile.target';
import { expandHome } from './targets/user-file';

export interface PublishServiceDeps {
  bindings: PublishBindings;
  credentials: TargetCredentials;
  registry: AccountRegistry;
  ledger: SecretLedger;
  secrets: SecretStore;
  http: HttpClient;
  clock: Clock;
  log: Logger;
  /** What `~/` means in target paths. */
  home: string;
  /** A token under rotation keeps its targets as they are: the rotation publishes to them. */
  leases: RotationLeases;
}

/**
 * Copies a token's secret to where it is used (CI secrets and variables, local files) and proves
 * each copy by reading it back. Targets fail alone: one that fails changes nothing elsewhere and
 * reports why. Also the rotation engine's Publisher.
 */
export class PublishService implements Publisher {
  /** One publish at a time: two targets (or two runs) never rewrite the same file at once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PublishServiceDeps) {}

  list(accountId: string, tokenId: string): Promise<PublishBinding[]> {
    return this.deps.bindings.of(accountId, tokenId);
  }

  async add(
    accountId: string,
    tokenId: string,
    input: PublishTargetInput,
  ): Promise<PublishBinding> {
    await this.deps.leases.requireTokenFree(
      accountId,
      tokenId,
      'add a publish target to this token',
    );
    await this.requireStoredToken(accountId, tokenId);
    const target = await resolveTarget(input, this.deps.credentials);
    const destination = destinationOf(target, this.deps.home);
    const taken = (await this.deps.bindings.all()).find(
      (binding) => destinationOf(binding.target, this.deps.home) === destination,
    );
    if (taken !== undefined) {
      const sameToken = taken.accountId === accountId && taken.tokenId === tokenId;
      throw new AppError(
        'CONFLICT',
        sameToken
          ? `${describeTarget(target)} is already a target of this token.`
          : `${describeTarget(target)} is already a target of another token; two tokens would overwrite each other there.`,
      );
    }
    const binding: PublishBinding = {
      id: `pub-${randomUUID()}`,
      accountId,
      tokenId,
      target,
      description: describeTarget(target),
      createdAt: this.deps.clock.now().toISOString(),
      lastResult: null,
    };
    await this.deps.bindings.add(binding);
    this.deps.log.info('publish target added', {
      accountId,
      tokenId,
      targetId: binding.id,
      kind: target.kind,
    });
    return binding;
  }

  async remove(accountId: string, tokenId: string, targetId: string): Promise<void> {
    await this.deps.leases.requireTokenFree(
      accountId,
      tokenId,
      'remove a publish target of this token',
    );
    if (!(await this.deps.bindings.remove(accountId, tokenId, targetId))) {
      throw new AppError('NOT_FOUND', 'This token has no such publish target (any more).');
    }
    this.deps.log.info('publish target removed', { accountId, tokenId, targetId });
  }

  /** On demand: the token's current secret from the keychain, to all or some of its targets. */
  async run(
    accountId: string,
    tokenId: string,
    targetIds?: readonly string[],
  ): Promise<PublishResult[]> {
    await this.deps.leases.requireTokenFree(accountId, tokenId, 'publish this token');
    const bound = await this.deps.bindings.of(accountId, tokenId);
    const chosen = targetIds === undefined ? bound : bound.filter((b) => targetIds.includes(b.id));
    if (targetIds !== undefined && chosen.length !== new Set(targetIds).size) {
      throw new AppError('NOT_FOUND', 'Some of these publish targets are not bound to this token.');
    }
    const secret = await this.deps.secrets.get(secretKeys.token(accountId, tokenId));
    if (secret === null) {
      throw new AppError(
        'NOT_FOUND',
        'The keychain holds no secret for this token, so there is nothing to publish.',
      );
    }
    return this.publishAll(chosen, secret);
  }

  async publish(input: {
    accountId: string;
    tokenId: string;
    secret: string;
  }): Promise<PublishResult[]> {
    return this.publishAll(
      await this.deps.bindings.of(input.accountId, input.tokenId),
      input.secret,
    );
  }

  /**
   * One target of one token, for a rotation that journals each write: the new secret, or the
   * old one back when the rotation is undone. Resolves with the result and whether a failed
   * write may still have changed the target.
   */
  async publishTo(
    ref: { accountId: string; tokenId: string; targetId: string },
    secret: string,
  ): Promise<PublishResult & { mayHaveChanged: boolean }> {
    const bound = await this.deps.bindings.of(ref.accountId, ref.tokenId);
    const binding = bound.find((candidate) => candidate.id === ref.targetId);
    if (binding === undefined) {
      throw new AppError('NOT_FOUND', 'This token has no such publish target (any more).');
    }
    const [result] = await this.publishAll([binding], secret);
    if (result === undefined) throw new AppError('INTERNAL', 'The publish gave no result.');
    return {
      ...result,
      mayHaveChanged: result.error !== null && mayHaveChanged(result.error.code),
    };
  }

  rebind(accountId: string, oldTokenId: string, newTokenId: string): Promise<void> {
    return this.deps.bindings.rebind(accountId, oldTokenId, newTokenId);
  }

  private publishAll(
    bindings: readonly PublishBinding[],
    secret: string,
  ): Promise<PublishResult[]> {
    const run = async (): Promise<PublishResult[]> => {
      const results: PublishResult[] = [];
      const last = new Map<string, LastResult>();
      for (const binding of bindings) {
        const result = await this.publishOne(binding, secret);
        results.push(result);
        const { targetId: _id, ...rest } = result;
        last.set(binding.id, { ...rest, at: this.deps.clock.now().toISOString() });
      }
      await this.deps.bindings.recordResults(last);
      return results;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async publishOne(binding: PublishBinding, secret: string): Promise<PublishResult> {
    const known = [secret];
    const fields = {
      accountId: binding.accountId,
      targetId: binding.id,
      kind: binding.target.kind,
    };
    try {
      await this.write(binding.target, secret, known);
      this.deps.log.info('published', fields);
      return {
        targetId: binding.id,
        ok: true,
        verifiedAt: this.deps.clock.now().toISOString(),
        error: null,
      };
    } catch (error) {
      const info =
        error instanceof AppError
          ? error.toInfo()
          : {
              code: 'INTERNAL',
              message: 'Publishing to this target failed unexpectedly. The details are in the log.',
            };
      if (!(error instanceof AppError))
        this.deps.log.error('publish failed unexpectedly', { ...fields, error });
      this.deps.log.warn('publish target failed', { ...fields, code: info.code });
      // The HTTP layer redacts already; this also covers messages built from file contents.
      return {
        targetId: binding.id,
        ok: false,
        verifiedAt: null,
        error: { code: info.code, message: redact(info.message, known) },
      };
    }
  }

  private async write(target: PublishTarget, secret: string, known: string[]): Promise<void> {
    const { http, clock, home } = this.deps;
    switch (target.kind) {
      case 'github-actions': {
        const credential = await this.deps.credentials.read(target.credential, 'github');
        known.push(credential);
        return publishToGithubActions({ target, secret, credential, http, clock });
      }
      case 'gitlab-variable': {
        const credential = await this.deps.credentials.read(target.credential, 'gitlab');
        known.push(credential);
        return publishToGitlabVariable({ target, secret, credential, http });
      }
      case 'dotenv':
        return publishToDotenv(expandHome(target.path, home), target.key, secret);
      case 'podstack-profile':
        return publishToPodstackProfile(expandHome(target.path, home), target.profile, secret);
    }
  }

  /** A target publishes the token's own stored secret: there must be one. */
  private async requireStoredToken(accountId: string, tokenId: string): Promise<void> {
    const account = await this.deps.registry.get(accountId);
    if (!(await this.deps.ledger.entries(accountId)).has(tokenId)) {
      throw new AppError(
        'VALIDATION',
        `TokenDesk holds no secret for this token of “${account.label}”, so it has nothing to publish. Only tokens whose secret TokenDesk keeps can have publish targets.`,
      );
    }
  }
}
