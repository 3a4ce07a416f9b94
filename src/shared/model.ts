import { z } from 'zod';

/** Every string that crosses IPC is bounded: the boundary refuses what no real value needs. */
export const shortText = z.string().max(200);
export const longText = z.string().max(2000);
export const id = z.string().min(1).max(200);
export const isoDate = z.string().max(40);

export const ProviderKindSchema = z.enum([
  'kestra',
  'gitlab',
  'bodhi',
  'teraswitch',
  'podstack',
  'github',
]);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

export const RotationModeSchema = z.enum(['api', 'roll', 'guided']);
export type RotationMode = z.infer<typeof RotationModeSchema>;

export const AccountFieldSchema = z.object({
  key: shortText,
  label: shortText,
  required: z.boolean(),
  placeholder: shortText.optional(),
  help: longText.optional(),
  choices: z.array(shortText).optional(),
});
export type AccountField = z.infer<typeof AccountFieldSchema>;

export const CapabilitiesSchema = z.object({
  create: z.boolean(),
  /** The user can add a token created elsewhere by pasting its secret (guided services). */
  track: z.boolean(),
  /** TokenDesk can check that a secret works against the service. */
  verify: z.boolean(),
  revoke: z.boolean(),
  rename: z.boolean(),
  statusToggle: z.boolean(),
  description: z.boolean(),
  extended: z.boolean(),
  /** Offered expiry choices in days; null means any number of days. */
  expiryDays: z.array(z.number().int().positive()).nullable(),
  neverExpires: z.boolean(),
  maxActive: z.number().int().positive().nullable(),
  roles: z.array(shortText),
  scopes: z.array(shortText),
  nameRule: z.object({ pattern: shortText, hint: shortText }).nullable(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** Whether an account needs a credential for TokenDesk itself to manage its tokens. */
export const CredentialNeedSchema = z.enum(['required', 'optional', 'none']);
export type CredentialNeed = z.infer<typeof CredentialNeedSchema>;

export const ProviderInfoSchema = z.object({
  kind: ProviderKindSchema,
  name: shortText,
  /** How tokens are rotated when TokenDesk holds a management credential (else guided). */
  mode: RotationModeSchema,
  credentialNeed: CredentialNeedSchema,
  credentialLabel: shortText,
  credentialHelp: longText.nullable(),
  defaultBaseUrl: shortText.nullable(),
  accountFields: z.array(AccountFieldSchema),
  /** What the user tells TokenDesk about a token they track (besides its name and secret). */
  trackFields: z.array(AccountFieldSchema),
  capabilities: CapabilitiesSchema,
});
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;

export const AccountSchema = z.object({
  id,
  provider: ProviderKindSchema,
  label: shortText,
  baseUrl: shortText,
  settings: z.record(shortText, shortText),
  createdAt: isoDate,
  /** The effective mode: guided when the service offers no API or no credential was given. */
  mode: RotationModeSchema,
  /** The service's web page where the user manages tokens, when it has one. */
  tokenPageUrl: longText.nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

export const TokenStatusSchema = z.enum(['active', 'inactive', 'expired', 'revoked']);
export type TokenStatus = z.infer<typeof TokenStatusSchema>;

export const TokenInfoSchema = z.object({
  id,
  accountId: id,
  name: shortText,
  /** The prefix or partial id the service shows after creation; never the secret. */
  prefix: shortText.nullable(),
  description: longText.nullable(),
  project: shortText.nullable(),
  role: shortText.nullable(),
  scopes: z.array(shortText),
  createdAt: isoDate.nullable(),
  expiresAt: isoDate.nullable(),
  lastUsedAt: isoDate.nullable(),
  status: TokenStatusSchema,
  extended: z.boolean(),
  /** The keychain holds this token's secret (known from local state, never by reading it). */
  hasSecret: z.boolean(),
  /** This is the credential TokenDesk itself uses to manage the account. */
  isManagementCredential: z.boolean(),
  /** Listed by the service, or tracked by the user (pasted; the service has no token API). */
  source: z.enum(['service', 'tracked']),
  /** The last time TokenDesk proved the secret works, when it holds the secret. */
  lastVerifiedAt: isoDate.nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

export const AccountStateSchema = z.enum([
  'never',
  'ok',
  'auth_failed',
  'forbidden',
  'unreachable',
  'rate_limited',
  'error',
]);
export type AccountState = z.infer<typeof AccountStateSchema>;

export const AccountInventorySchema = z.object({
  accountId: id,
  state: AccountStateSchema,
  /** When the token list was last fetched successfully. */
  asOf: isoDate.nullable(),
  /** The list is the last known one because the latest refresh failed. */
  stale: z.boolean(),
  refreshing: z.boolean(),
  error: z.object({ code: shortText, message: longText }).nullable(),
  tokens: z.array(TokenInfoSchema),
});
export type AccountInventory = z.infer<typeof AccountInventorySchema>;

export const ExpirySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }).strict(),
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(3650) }).strict(),
]);
export type Expiry = z.infer<typeof ExpirySchema>;

/** Where existing credentials can be imported from. */
export const ImportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('environment') }).strict(),
  z.object({ kind: z.literal('dotenv'), path: z.string().trim().min(1).max(1000) }).strict(),
  z
    .object({
      kind: z.literal('podstack-credentials'),
      path: z.string().trim().max(1000).optional(),
    })
    .strict(),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/** A credential found by an import scan: what may be shown of it, never the secret itself. */
export const ImportCandidateSchema = z.object({
  id,
  /** Where it was found, e.g. ".env: PODSTACK_API_TOKEN" or "~/.podstack/credentials [prod]". */
  source: shortText,
  provider: ProviderKindSchema,
  suggestedName: shortText,
  project: shortText.nullable(),
  prefix: shortText.nullable(),
  alreadyTracked: z.boolean(),
});
export type ImportCandidate = z.infer<typeof ImportCandidateSchema>;
