import { AppError, type ErrorCode } from '../../../shared/errors';
import type { ProviderInfo } from '../../../shared/model';
import type {
  AccountContext,
  CreateTokenRequest,
  CreatedToken,
  ProviderAdapter,
  ServiceToken,
} from '../providers/provider-adapter';

/** An in-memory service for unit tests of the core: one adapter, no HTTP. */
export class FakeProvider implements ProviderAdapter {
  readonly tokens = new Map<string, ServiceToken & { secret: string }>();
  readonly revoked: string[] = [];
  failNext: Partial<Record<'list' | 'create' | 'revoke' | 'verify', ErrorCode>> = {};
  private sequence = 0;

  readonly info: ProviderInfo;

  /** `guided`: a service with no token API, whose tokens the user tracks by pasting them. */
  constructor(options: { guided?: boolean } = {}) {
    const guided = options.guided === true;
    this.info = guided ? guidedInfo : apiInfo;
  }

  tokenPageUrl(): string | null {
    return 'https://dashboard.example.com/tokens';
  }

  describeSecret(secret: string): { prefix: string | null } {
    return { prefix: secret.slice(0, 8) };
  }

  /** Adds a token as if created in the service's dashboard; returns its secret. */
  seed(name: string): { id: string; secret: string } {
    const id = `tok-${++this.sequence}`;
    const secret = `fake-secret-${id}-${'x'.repeat(24)}`;
    this.tokens.set(id, { ...this.describe(id, name), secret });
    return { id, secret };
  }

  parseSettings(settings: Record<string, string>): Record<string, string> {
    if (this.info.mode === 'guided') return {};
    const userId = settings['userId'];
    if (userId === undefined || userId === '') throw new AppError('VALIDATION', 'Enter a user ID.');
    return { userId };
  }

  listTokens(ctx: AccountContext): Promise<ServiceToken[]> {
    return this.guarded('list', ctx, () =>
      [...this.tokens.values()].map(({ secret: _secret, ...token }) => token),
    );
  }

  createToken(ctx: AccountContext, request: CreateTokenRequest): Promise<CreatedToken> {
    return this.guarded('create', ctx, () => {
      const { id, secret } = this.seed(request.name);
      const { secret: _secret, ...token } = this.tokens.get(id) as ServiceToken & {
        secret: string;
      };
      return { token, secret };
    });
  }

  revokeToken(ctx: AccountContext, tokenId: string): Promise<void> {
    return this.guarded('revoke', ctx, () => {
      this.tokens.delete(tokenId);
      this.revoked.push(tokenId);
    });
  }

  verify(ctx: AccountContext, secret: string): Promise<void> {
    return this.guarded('verify', ctx, () => {
      if (![...this.tokens.values()].some((token) => token.secret === secret)) {
        throw new AppError('AUTH_FAILED', 'The token was refused.');
      }
    });
  }

  isTokenOf(token: ServiceToken, secret: string): boolean {
    return this.tokens.get(token.id)?.secret === secret;
  }

  private guarded<T>(
    operation: keyof FakeProvider['failNext'],
    ctx: AccountContext,
    body: () => T,
  ): Promise<T> {
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
      return Promise.resolve(body());
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
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: null,
      lastUsedAt: null,
      status: 'active',
      extended: false,
    };
  }
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
