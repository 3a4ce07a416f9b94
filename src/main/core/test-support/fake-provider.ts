import { AppError, tokenInactiveError, type ErrorCode } from '../../../shared/errors';
import type { Expiry, ProviderInfo, RotationMode } from '../../../shared/model';
import type {
  AccountContext,
  CreateTokenRequest,
  CreatedToken,
  ProviderAdapter,
  ServiceToken,
} from '../providers/provider-adapter';

export type FakeOperation = 'list' | 'create' | 'revoke' | 'verify' | 'roll';

type StoredToken = ServiceToken & { secret: string };

export interface FakeProviderOptions {
  /** A service with no token API, whose tokens the user tracks by pasting them. */
  guided?: boolean;
  /** api (default), roll (native rotate that kills the old secret) or guided. */
  mode?: RotationMode;
  /** A cap on active tokens, as Podstack's 5. */
  maxActive?: number | null;
}

const DAY_MS = 24 * 3600_000;
const CREATED_AT = '2026-01-01T00:00:00.000Z';

/** An in-memory service for unit tests of the core: one adapter, no HTTP. */
export class FakeProvider implements ProviderAdapter {
  readonly tokens = new Map<string, StoredToken>();
  readonly revoked: string[] = [];
  /** Every operation that reached the service, in order (failed ones included), and with what. */
  readonly calls: Array<{ operation: FakeOperation; tokenId?: string; credential: string | null }> =
    [];
  /** The next call of the operation fails with this code before the service does anything. */
  failNext: Partial<Record<FakeOperation, ErrorCode>> = {};
  /** The next call of the operation happens at the service, but its answer is lost: it fails. */
  loseAnswer: Partial<Record<'create' | 'roll' | 'revoke', ErrorCode>> = {};
  /** The last create request, to check what a replacement token was created with. */
  lastCreate: CreateTokenRequest | null = null;
  private sequence = 0;

  readonly info: ProviderInfo;

  constructor(options: FakeProviderOptions = {}) {
    const mode = options.guided === true ? 'guided' : (options.mode ?? 'api');
    const base = mode === 'guided' ? guidedInfo : mode === 'roll' ? rollInfo : apiInfo;
    this.info =
      options.maxActive === undefined
        ? base
        : { ...base, capabilities: { ...base.capabilities, maxActive: options.maxActive } };
  }

  tokenPageUrl(): string | null {
    return 'https://dashboard.example.com/tokens';
  }

  describeSecret(secret: string): { prefix: string | null } {
    return { prefix: secret.slice(0, 8) };
  }

  /** Adds a token as if created in the service's dashboard; returns its secret. */
  seed(name: string, fields: Partial<ServiceToken> = {}): { id: string; secret: string } {
    const id = `tok-${++this.sequence}`;
    // The first 8 characters (what describeSecret shows) differ from token to token.
    const secret = `fk${String(this.sequence).padStart(6, '0')}-fake-secret-${'x'.repeat(24)}`;
    this.tokens.set(id, { ...this.describe(id, name), ...fields, id, secret });
    return { id, secret };
  }

  parseSettings(settings: Record<string, string>): Record<string, string> {
    if (this.info.mode === 'guided') return {};
    const userId = settings['userId'];
    if (userId === undefined || userId === '') throw new AppError('VALIDATION', 'Enter a user ID.');
    return { userId };
  }

  listTokens(ctx: AccountContext): Promise<ServiceToken[]> {
    return this.guarded('list', ctx, undefined, () =>
      [...this.tokens.values()].map(({ secret: _secret, ...token }) => token),
    );
  }

  createToken(ctx: AccountContext, request: CreateTokenRequest): Promise<CreatedToken> {
    return this.guarded('create', ctx, undefined, () => {
      this.lastCreate = request;
      const expiresAt = expiryDate(request.expiry);
      const { id } = this.seed(request.name, {
        description: request.description ?? null,
        project: request.project ?? null,
        role: request.role ?? null,
        scopes: request.scopes ?? [],
        extended: request.extended === true,
        expiresAt,
      });
      return this.created(id);
    });
  }

  revokeToken(ctx: AccountContext, tokenId: string): Promise<void> {
    return this.guarded('revoke', ctx, tokenId, () => {
      this.tokens.delete(tokenId);
      this.revoked.push(tokenId);
    });
  }

  /** Like GitLab's rotate: a new token (new id, same name) and the old one revoked at once. */
  rollToken(ctx: AccountContext, tokenId: string, expiry: Expiry | null): Promise<CreatedToken> {
    return this.guarded('roll', ctx, tokenId, () => {
      const old = this.tokens.get(tokenId);
      if (old === undefined) throw new AppError('NOT_FOUND', 'No such token.');
      this.tokens.delete(tokenId);
      this.revoked.push(tokenId);
      const { secret: _secret, id: _id, ...fields } = old;
      const { id } = this.seed(old.name, {
        ...fields,
        expiresAt: expiry === null ? old.expiresAt : expiryDate(expiry),
        lastUsedAt: null,
      });
      return this.created(id);
    });
  }

  verify(ctx: AccountContext, secret: string): Promise<void> {
    return this.guarded('verify', ctx, undefined, () => {
      const token = [...this.tokens.values()].find((candidate) => candidate.secret === secret);
      if (token === undefined) throw new AppError('AUTH_FAILED', 'The token was refused.');
      if (token.status === 'inactive') throw tokenInactiveError('The token is switched off.');
    });
  }

  isTokenOf(token: ServiceToken, secret: string): boolean {
    return this.tokens.get(token.id)?.secret === secret;
  }

  /** The secret of a live token, as a test acting as the user would read it from the dashboard. */
  secretOf(tokenId: string): string | undefined {
    return this.tokens.get(tokenId)?.secret;
  }

  private created(id: string): CreatedToken {
    const { secret, ...token } = this.tokens.get(id) as StoredToken;
    return { token, secret };
  }

  private guarded<T>(
    operation: FakeOperation,
    ctx: AccountContext,
    tokenId: string | undefined,
    body: () => T,
  ): Promise<T> {
    const credential = ctx.credential;
    this.calls.push(
      tokenId === undefined ? { operation, credential } : { operation, tokenId, credential },
    );
    const failure = this.failNext[operation];
    if (failure !== undefined) {
      delete this.failNext[operation];
      return Promise.reject(new AppError(failure, `Injected ${failure}.`));
    }
    // Verify uses the secret under test, not the management credential (guided accounts have none).
    const known = [...this.tokens.values()].some((token) => token.secret === ctx.credential);
    if (operation !== 'verify' && !known)
      return Promise.reject(new AppError('AUTH_FAILED', 'The credential was refused.'));
    try {
      const result = body();
      const lost =
        operation === 'verify' || operation === 'list' ? undefined : this.loseAnswer[operation];
      if (lost !== undefined) {
        delete this.loseAnswer[operation as keyof FakeProvider['loseAnswer']];
        return Promise.reject(new AppError(lost, `Injected ${lost} after the service acted.`));
      }
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private describe(id: string, name: string): ServiceToken {
    return {
      id,
      name,
      prefix: id.slice(0, 8),
      description: null,
      project: null,
      role: null,
      scopes: [],
      createdAt: CREATED_AT,
      expiresAt: null,
      lastUsedAt: null,
      status: 'active',
      extended: false,
    };
  }
}

function expiryDate(expiry: Expiry): string | null {
  if (expiry.kind === 'never') return null;
  return new Date(Date.parse(CREATED_AT) + expiry.days * DAY_MS).toISOString();
}

const apiInfo: ProviderInfo = {
  kind: 'kestra',
  name: 'Fake',
  mode: 'api',
  credentialNeed: 'required',
  credentialLabel: 'API token',
  credentialHelp: null,
  defaultBaseUrl: null,
  accountFields: [{ key: 'userId', label: 'User ID', required: true }],
  trackFields: [],
  capabilities: {
    create: true,
    track: false,
    verify: true,
    revoke: true,
    rename: false,
    statusToggle: false,
    description: true,
    extended: true,
    expiryDays: null,
    neverExpires: true,
    maxActive: null,
    roles: [],
    scopes: [],
    nameRule: { pattern: '^[a-z0-9-]{1,63}$', hint: 'lowercase letters, digits and dashes' },
  },
};

const rollInfo: ProviderInfo = {
  ...apiInfo,
  kind: 'gitlab',
  name: 'Fake Roll',
  mode: 'roll',
  capabilities: { ...apiInfo.capabilities, extended: false, nameRule: null },
};

const guidedInfo: ProviderInfo = {
  ...apiInfo,
  kind: 'teraswitch',
  name: 'Fake Guided',
  mode: 'guided',
  credentialNeed: 'none',
  accountFields: [],
  trackFields: [{ key: 'project', label: 'Project', required: true }],
  capabilities: {
    ...apiInfo.capabilities,
    create: false,
    track: true,
    revoke: false,
    description: false,
    extended: false,
    roles: ['Owner', 'Accounting'],
    nameRule: null,
  },
};
