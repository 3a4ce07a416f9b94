import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ImportCandidate, ImportSource, TokenInfo } from '../../../shared/model';
import type { AccountRegistry } from '../accounts/account-registry';
import type { Clock } from '../clock';
import type { InventoryCache } from '../inventory/inventory-cache';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { TrackingService } from '../tracking/tracking.service';
import { findInPodstackProfiles, findInVariables, type FoundCredential } from './credential-finder';
import { parseDotenv } from './dotenv-parser';
import { parseIni } from './ini-parser';

/** Found secrets wait in main for the user's choice, never longer than this. */
const CANDIDATE_TTL_MS = 10 * 60_000;
const MAX_FILE_BYTES = 256 * 1024;

export interface ImportEnvironment {
  env: NodeJS.ProcessEnv;
  home: string;
}

interface Pending extends FoundCredential {
  expiresAt: number;
}

export interface ImportItem {
  candidateId: string;
  name: string;
  project?: string | undefined;
  role?: string | undefined;
}

/**
 * Finds credentials the user already has (environment, .env files, Podstack profiles) and
 * tracks the ones they pick. The scan shows only what may be shown (source, prefix, project);
 * the secrets stay here in main until applied or expired.
 */
export class ImportService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly accounts: AccountRegistry,
    private readonly providers: ProviderRegistry,
    private readonly cache: InventoryCache,
    private readonly tracking: TrackingService,
    private readonly clock: Clock,
    private readonly environment: ImportEnvironment = { env: process.env, home: homedir() },
  ) {}

  async scan(sources: ImportSource[]): Promise<{
    candidates: ImportCandidate[];
    problems: Array<{ source: string; message: string }>;
  }> {
    this.dropExpired();
    const problems: Array<{ source: string; message: string }> = [];
    const found: FoundCredential[] = [];
    for (const source of sources) {
      try {
        found.push(...(await this.read(source)));
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'It could not be read.';
        problems.push({ source: describe(source), message });
      }
    }
    const knownPrefixes = await this.knownPrefixes();
    const candidates = found.map((credential) => {
      const id = `imp-${randomUUID()}`;
      this.pending.set(id, {
        ...credential,
        expiresAt: this.clock.now().getTime() + CANDIDATE_TTL_MS,
      });
      const adapter = this.providers.find(credential.provider);
      const prefix = adapter ? adapter.describeSecret(credential.secret).prefix : null;
      return {
        id,
        source: credential.source,
        provider: credential.provider,
        suggestedName: credential.suggestedName,
        project: credential.project,
        prefix,
        alreadyTracked: prefix !== null && knownPrefixes.has(`${credential.provider}:${prefix}`),
      };
    });
    return { candidates, problems };
  }

  async apply(
    accountId: string,
    items: ImportItem[],
  ): Promise<{
    imported: TokenInfo[];
    failed: Array<{ candidateId: string; code: string; message: string }>;
  }> {
    this.dropExpired();
    const account = await this.accounts.get(accountId);
    const imported: TokenInfo[] = [];
    const failed: Array<{ candidateId: string; code: string; message: string }> = [];
    for (const item of items) {
      const candidate = this.pending.get(item.candidateId);
      try {
        if (candidate === undefined) {
          throw new AppError('NOT_FOUND', 'This found credential has expired; scan again.');
        }
        if (candidate.provider !== account.provider) {
          throw new AppError('VALIDATION', `This is not a token of ${account.label}'s service.`);
        }
        const project = item.project ?? candidate.project ?? undefined;
        imported.push(
          await this.tracking.track({
            accountId,
            name: item.name,
            secret: candidate.secret,
            project,
            role: item.role,
          }),
        );
        this.pending.delete(item.candidateId);
      } catch (error) {
        const info =
          error instanceof AppError
            ? error.toInfo()
            : { code: 'INTERNAL', message: 'Importing this credential failed.' };
        failed.push({ candidateId: item.candidateId, ...info });
      }
    }
    return { imported, failed };
  }

  private async read(source: ImportSource): Promise<FoundCredential[]> {
    switch (source.kind) {
      case 'environment': {
        const values = new Map<string, string>();
        for (const [key, value] of Object.entries(this.environment.env)) {
          if (value !== undefined) values.set(key, value);
        }
        return findInVariables('environment', values);
      }
      case 'dotenv': {
        const path = this.expand(source.path);
        return findInVariables(path, parseDotenv(await readSmallFile(path)));
      }
      case 'podstack-credentials': {
        const path = this.expand(source.path ?? '~/.podstack/credentials');
        return findInPodstackProfiles(path, parseIni(await readSmallFile(path)));
      }
    }
  }

  private expand(path: string): string {
    return path === '~' || path.startsWith('~/')
      ? join(this.environment.home, path.slice(1))
      : path;
  }

  private async knownPrefixes(): Promise<Set<string>> {
    const prefixes = new Set<string>();
    for (const account of await this.accounts.list()) {
      const cached = await this.cache.get(account.id);
      for (const token of cached === null ? [] : cached.tokens) {
        if (token.prefix !== null) prefixes.add(`${account.provider}:${token.prefix}`);
      }
    }
    return prefixes;
  }

  private dropExpired(): void {
    const now = this.clock.now().getTime();
    for (const [id, candidate] of this.pending) {
      if (candidate.expiresAt <= now) this.pending.delete(id);
    }
  }
}

function describe(source: ImportSource): string {
  if (source.kind === 'environment') return 'environment';
  return source.path ?? '~/.podstack/credentials';
}

async function readSmallFile(path: string): Promise<string> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch {
    throw new AppError('NOT_FOUND', `${path} does not exist or cannot be read.`);
  }
  if (content.length > MAX_FILE_BYTES) {
    throw new AppError('VALIDATION', `${path} is too large to be a credentials file.`);
  }
  return content.toString('utf8');
}
