import { randomBytes } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import {
  badCredentials,
  notAccessible,
  notFound,
  requiresAuthentication,
  unprocessable,
} from './github-errors';
import { newKeyPair, openSealedBox, publicKeyBase64, type SimKeyPair } from './github-keys';
import type {
  GithubCall,
  GithubSecretSeed,
  GithubSecretView,
  GithubSeed,
  GithubTokenView,
  RepoAccess,
} from './github.types';

const MAX_CALLS = 1000;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A classic personal access token: `ghp_` and 36 base62 characters. */
export function newGithubToken(): string {
  const bytes = randomBytes(36);
  return `ghp_${[...bytes].map((byte) => BASE62.charAt(byte % 62)).join('')}`;
}

interface StoredSecret {
  name: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** Repository or environment: where secrets live, each with its own key pair. */
interface SecretScope {
  keys: SimKeyPair;
  secrets: Map<string, StoredSecret>;
}

interface Environment extends SecretScope {
  name: string;
}

interface Repo extends SecretScope {
  id: number;
  fullName: string;
  private: boolean;
  environments: Map<string, Environment>;
}

interface Token {
  id: number;
  secret: string;
  login: string;
  repos: Map<string, RepoAccess>;
  revoked: boolean;
  lastUsedAt: string | null;
}

export interface Caller {
  token: Token;
}

/** GitHub's rules for secret names (what the settings page and the API refuse with 422). */
function checkSecretName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw unprocessable(
      'Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed. Must start with a letter ([a-z], [A-Z]) or underscores (_).',
    );
  }
  const upper = name.toUpperCase();
  if (upper.startsWith('GITHUB_')) throw unprocessable('Secret names must not start with GITHUB_.');
  return upper;
}

/** GitHub's timestamps have whole seconds: `2024-05-01T10:00:00Z`. */
function githubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The simulated service: tokens and their repository access, repositories and environments with
 * their key pairs and secrets. A stored secret is the plaintext of the sealed box the client
 * sent, opened with the private key, so tests can assert what really arrived.
 */
export class GithubState {
  private readonly repos = new Map<string, Repo>();
  private readonly tokens: Token[] = [];
  private readonly log: GithubCall[] = [];
  private nextRepoId = 1000;
  private nextTokenId = 1;

  constructor(
    private readonly clock: SimClock,
    seed: GithubSeed,
  ) {
    for (const repo of seed.repos ?? []) {
      const added = this.addRepo(repo.fullName, repo.id, repo.private ?? true);
      this.seedSecrets(added, repo.secrets ?? []);
      for (const environment of repo.environments ?? []) {
        const spec = typeof environment === 'string' ? { name: environment } : environment;
        this.seedSecrets(this.addEnvironment(repo.fullName, spec.name), spec.secrets ?? []);
      }
    }
    for (const token of seed.tokens ?? []) {
      this.addToken(token.login, token.repos ?? {}, token.secret, token.revoked === true);
    }
  }

  now(): Date {
    return this.clock.now();
  }

  addRepo(fullName: string, id?: number, isPrivate = true): Repo {
    const repo: Repo = {
      id: id ?? this.nextRepoId++,
      fullName,
      private: isPrivate,
      keys: newKeyPair(),
      secrets: new Map(),
      environments: new Map(),
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  addEnvironment(fullName: string, name: string): Environment {
    const repo = this.repos.get(fullName.toLowerCase());
    if (repo === undefined) throw new Error(`no repository ${fullName}`);
    const environment: Environment = { name, keys: newKeyPair(), secrets: new Map() };
    repo.environments.set(name.toLowerCase(), environment);
    return environment;
  }

  addToken(
    login: string,
    repos: Record<string, RepoAccess>,
    secret = newGithubToken(),
    revoked = false,
  ): string {
    this.tokens.push({
      id: this.nextTokenId++,
      secret,
      login,
      repos: new Map(Object.entries(repos).map(([name, access]) => [name.toLowerCase(), access])),
      revoked,
      lastUsedAt: null,
    });
    return secret;
  }

  revokeToken(secret: string): void {
    const token = this.tokens.find((candidate) => candidate.secret === secret);
    if (token === undefined) throw new Error('no such token');
    token.revoked = true;
  }

  /** `Authorization: Bearer <t>` or GitHub's older `token <t>`. */
  authenticate(
    authorization: string | undefined,
    route: string,
    method: string,
    path: string,
  ): Caller {
    const secret = /^(?:Bearer|token)\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
    const token =
      secret === null ? undefined : this.tokens.find((candidate) => candidate.secret === secret);
    const accepted = token !== undefined && !token.revoked;
    this.log.push({ at: this.now().toISOString(), route, method, path, secret, accepted });
    if (this.log.length > MAX_CALLS) this.log.shift();
    if (secret === null) throw requiresAuthentication();
    if (token === undefined || token.revoked) throw badCredentials();
    token.lastUsedAt = this.now().toISOString();
    return { token };
  }

  /** A repository the caller can see: private ones it has no access to are 404, as on GitHub. */
  visibleRepo(caller: Caller, owner: string, name: string): Repo {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (repo === undefined) throw notFound();
    if (repo.private && !caller.token.repos.has(repo.fullName.toLowerCase())) throw notFound();
    return repo;
  }

  repoById(caller: Caller, id: number): Repo {
    const repo = [...this.repos.values()].find((candidate) => candidate.id === id);
    if (repo === undefined) throw notFound();
    const [owner = '', name = ''] = repo.fullName.split('/');
    return this.visibleRepo(caller, owner, name);
  }

  /** Managing Actions secrets needs write or admin; read access sees the repository only. */
  secretsScope(caller: Caller, repo: Repo, environment: string | null): SecretScope {
    const access = caller.token.repos.get(repo.fullName.toLowerCase());
    if (access !== 'write' && access !== 'admin') throw notAccessible();
    if (environment === null) return repo;
    const found = repo.environments.get(environment.toLowerCase());
    if (found === undefined) throw notFound();
    return found;
  }

  publicKey(scope: SecretScope): { key_id: string; key: string } {
    return { key_id: scope.keys.keyId, key: publicKeyBase64(scope.keys) };
  }

  /** PUT: 201 when created, 204 when updated (the value is replaced, created_at kept). */
  putSecret(scope: SecretScope, rawName: string, body: unknown): 201 | 204 {
    const name = checkSecretName(rawName);
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    const { encrypted_value: encrypted, key_id: keyId } = fields;
    if (typeof encrypted !== 'string' || encrypted === '') {
      throw unprocessable('Invalid request.\n\n"encrypted_value" wasn\'t supplied.');
    }
    if (typeof keyId !== 'string' || keyId === '') {
      throw unprocessable('Invalid request.\n\n"key_id" wasn\'t supplied.');
    }
    if (keyId !== scope.keys.keyId) throw unprocessable('Bad request - key_id is not valid.');
    const value = openSealedBox(scope.keys, encrypted);
    if (value === null) throw unprocessable('Bad request - could not decrypt encrypted_value.');
    const now = githubTime(this.now());
    const existing = scope.secrets.get(name);
    scope.secrets.set(name, {
      name,
      value,
      createdAt: existing === undefined ? now : existing.createdAt,
      updatedAt: now,
    });
    return existing === undefined ? 201 : 204;
  }

  secretMetadata(
    scope: SecretScope,
    name: string,
  ): { name: string; created_at: string; updated_at: string } {
    const secret = scope.secrets.get(name.toUpperCase());
    if (secret === undefined) throw notFound();
    return { name: secret.name, created_at: secret.createdAt, updated_at: secret.updatedAt };
  }

  listSecrets(scope: SecretScope): {
    total_count: number;
    secrets: Array<{ name: string; created_at: string; updated_at: string }>;
  } {
    const secrets = [...scope.secrets.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((secret) => ({
        name: secret.name,
        created_at: secret.createdAt,
        updated_at: secret.updatedAt,
      }));
    return { total_count: secrets.length, secrets };
  }

  deleteSecret(scope: SecretScope, name: string): void {
    if (!scope.secrets.delete(name.toUpperCase())) throw notFound();
  }

  // ---- Inspection ------------------------------------------------------------------------------

  secretView(repo: string, name: string, environment: string | null): GithubSecretView | undefined {
    const found = this.repos.get(repo.toLowerCase());
    if (found === undefined) return undefined;
    const scope = environment === null ? found : found.environments.get(environment.toLowerCase());
    const secret = scope === undefined ? undefined : scope.secrets.get(name.toUpperCase());
    if (secret === undefined) return undefined;
    return {
      repo: found.fullName,
      environment,
      name: secret.name,
      value: secret.value,
      createdAt: secret.createdAt,
      updatedAt: secret.updatedAt,
    };
  }

  allSecrets(): GithubSecretView[] {
    const views: GithubSecretView[] = [];
    for (const repo of this.repos.values()) {
      const scopes: Array<[string | null, SecretScope]> = [
        [null, repo],
        ...[...repo.environments.values()].map((env): [string, SecretScope] => [env.name, env]),
      ];
      for (const [environment, scope] of scopes) {
        for (const secret of scope.secrets.values()) {
          views.push({
            repo: repo.fullName,
            environment,
            name: secret.name,
            value: secret.value,
            createdAt: secret.createdAt,
            updatedAt: secret.updatedAt,
          });
        }
      }
    }
    return views;
  }

  tokenViews(): GithubTokenView[] {
    return this.tokens.map((token) => ({
      id: token.id,
      secret: token.secret,
      login: token.login,
      repos: Object.fromEntries(token.repos),
      revoked: token.revoked,
      lastUsedAt: token.lastUsedAt,
    }));
  }

  calls(): GithubCall[] {
    return [...this.log];
  }

  summary(): { repos: Array<{ id: number; fullName: string; environments: string[] }> } {
    return {
      repos: [...this.repos.values()].map((repo) => ({
        id: repo.id,
        fullName: repo.fullName,
        environments: [...repo.environments.values()].map((env) => env.name),
      })),
    };
  }

  private seedSecrets(scope: SecretScope, secrets: readonly GithubSecretSeed[]): void {
    for (const secret of secrets) {
      const name = checkSecretName(secret.name);
      const at = secret.updatedAt ?? githubTime(this.now());
      scope.secrets.set(name, { name, value: secret.value, createdAt: at, updatedAt: at });
    }
  }
}

export type { Repo, SecretScope };
