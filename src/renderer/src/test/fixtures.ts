import type {
  Account,
  AccountInventory,
  Capabilities,
  ProviderInfo,
  TokenInfo,
} from '../../../shared/model';
import type { AppInfo } from '../store/app.slice';

export const appInfo = (overrides: Partial<AppInfo> = {}): AppInfo => ({
  target: 'electron',
  version: '0.1.0',
  clipboard: 'main',
  clipboardClearSeconds: 30,
  ...overrides,
});

export const capabilities = (overrides: Partial<Capabilities> = {}): Capabilities => ({
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
  nameRule: {
    pattern: '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?',
    hint: 'Lowercase letters, digits and dashes, 1 to 63 characters.',
  },
  ...overrides,
});

export const provider = (overrides: Partial<ProviderInfo> = {}): ProviderInfo => ({
  kind: 'kestra',
  name: 'Kestra Enterprise',
  mode: 'api',
  credentialNeed: 'required',
  credentialLabel: 'API token',
  credentialHelp: null,
  defaultBaseUrl: null,
  trackFields: [],
  accountFields: [
    { key: 'tenant', label: 'Tenant', required: true, placeholder: 'main' },
    { key: 'edition', label: 'Edition', required: false, choices: ['cloud', 'self-hosted'] },
  ],
  capabilities: capabilities(),
  ...overrides,
});

export const account = (overrides: Partial<Account> = {}): Account => ({
  id: 'acc-work',
  provider: 'kestra',
  label: 'Work',
  baseUrl: 'https://kestra.example.com',
  settings: { tenant: 'main' },
  createdAt: '2025-01-01T00:00:00.000Z',
  mode: 'api',
  tokenPageUrl: null,
  ...overrides,
});

export const token = (overrides: Partial<TokenInfo> = {}): TokenInfo => ({
  id: 'tok-1',
  accountId: 'acc-work',
  name: 'ci-deploy',
  prefix: 'kst_ab12',
  description: null,
  project: null,
  role: null,
  scopes: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  status: 'active',
  extended: false,
  hasSecret: false,
  source: 'service',
  lastVerifiedAt: null,
  isManagementCredential: false,
  ...overrides,
});

export const inventory = (overrides: Partial<AccountInventory> = {}): AccountInventory => ({
  accountId: 'acc-work',
  state: 'ok',
  asOf: '2025-06-01T10:00:00.000Z',
  stale: false,
  refreshing: false,
  error: null,
  tokens: [],
  ...overrides,
});
