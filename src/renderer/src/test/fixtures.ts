import type { AttentionItem, AttentionSettings } from '../../../shared/attention-model';
import type {
  Account,
  AccountInventory,
  Capabilities,
  ImportCandidate,
  ProviderInfo,
  PublishBinding,
  RotationView,
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
  leasedBy: null,
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
  leasedBy: null,
  tokens: [],
  ...overrides,
});

/** A guided service in the shape of Podstack: no token API, tokens tracked by pasting them. */
export const guidedProvider = (overrides: Partial<ProviderInfo> = {}): ProviderInfo => ({
  kind: 'podstack',
  name: 'Podstack',
  mode: 'guided',
  credentialNeed: 'none',
  credentialLabel: 'No credential needed',
  credentialHelp: null,
  defaultBaseUrl: 'https://api.podstack.ai/v1',
  accountFields: [],
  trackFields: [{ key: 'project', label: 'Project', required: false, placeholder: 'proj_123' }],
  capabilities: capabilities({
    create: false,
    track: true,
    verify: true,
    revoke: false,
    description: false,
    extended: false,
    expiryDays: [7, 30, 90, 180, 365],
    neverExpires: true,
    maxActive: 5,
    nameRule: null,
  }),
  ...overrides,
});

export const guidedAccount = (overrides: Partial<Account> = {}): Account =>
  account({
    id: 'acc-pod',
    provider: 'podstack',
    label: 'Podstack',
    baseUrl: 'https://api.podstack.ai/v1',
    settings: {},
    mode: 'guided',
    tokenPageUrl: 'https://console.podstack.ai/settings/tokens',
    ...overrides,
  });

export const importCandidate = (overrides: Partial<ImportCandidate> = {}): ImportCandidate => ({
  id: 'imp-1',
  source: 'environment: PODSTACK_API_TOKEN',
  provider: 'podstack',
  suggestedName: 'podstack-env',
  project: null,
  prefix: 'ab12cd34',
  alreadyTracked: false,
  ...overrides,
});

export const rotationView = (overrides: Partial<RotationView> = {}): RotationView => ({
  rotationId: 'rot-1',
  accountId: 'acc-work',
  method: 'overlap',
  oldTokenId: 'tok-1',
  oldTokenName: 'ci-deploy',
  newTokenId: null,
  newTokenName: 'ci-deploy',
  isManagementCredential: false,
  status: 'running',
  waitingFor: null,
  phase: 'working',
  steps: [],
  error: null,
  instruction: null,
  tokenPageUrl: null,
  publishResults: [],
  revealAvailable: false,
  canRetry: false,
  canCancel: true,
  startedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: null,
  ...overrides,
});

export const publishBinding = (overrides: Partial<PublishBinding> = {}): PublishBinding => ({
  id: 'pub-1',
  accountId: 'acc-work',
  tokenId: 'tok-1',
  target: { kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' },
  description: 'API_TOKEN in ~/app/.env',
  createdAt: '2025-01-01T00:00:00.000Z',
  lastResult: null,
  ...overrides,
});

export const attentionSettings = (
  overrides: Partial<AttentionSettings> = {},
): AttentionSettings => ({
  global: {
    expiryThresholdsDays: [30, 7, 1],
    neverUsedDays: 14,
    idleDays: 30,
    rotateEveryDays: null,
  },
  accounts: {},
  ...overrides,
});

export const attentionItem = (overrides: Partial<AttentionItem> = {}): AttentionItem => ({
  accountId: 'acc-work',
  tokenId: 'tok-1',
  tokenName: 'ci-deploy',
  accountLabel: 'Work',
  provider: 'kestra',
  project: null,
  urgency: 'high',
  reasons: [
    {
      kind: 'expiring',
      urgency: 'high',
      thresholdDays: 7,
      at: '2025-01-04T00:00:00.000Z',
      message: 'Expires in 3 days (4 Jan 2025).',
    },
  ],
  fixes: ['rotate', 'snooze-day', 'snooze-week'],
  reminderAt: null,
  ...overrides,
});
