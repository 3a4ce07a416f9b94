import { z } from 'zod';
import { RotationPhaseSchema } from './rotation-machine';

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

/**
 * An unfinished rotation that holds a token or an account: until it ends, actions that would
 * cut into it (revoke, rename, forget, a credential change…) are refused with a reason.
 */
export const LeaseSchema = z.object({
  rotationId: id,
  /** The name of the token being rotated, to say which rotation holds it. */
  tokenName: shortText,
});
export type Lease = z.infer<typeof LeaseSchema>;

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
  /** The unfinished rotation this token is the old or the new token of. */
  leasedBy: LeaseSchema.nullable(),
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
  /** An unfinished rotation in this account: it cannot be removed or get a new credential. */
  leasedBy: LeaseSchema.nullable(),
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

// ---- Rotation -------------------------------------------------------------------------------

/** How a rotation replaces the token: a second token then revoke, the service's roll, or the user. */
export const RotationMethodSchema = z.enum(['overlap', 'roll', 'guided']);
export type RotationMethod = z.infer<typeof RotationMethodSchema>;

/** The steps in order; each is journaled before and after it runs. */
export const rotationSteps = [
  'intent',
  'create',
  'store',
  'verify',
  'publish',
  'promote',
  'revoke',
] as const;
export const RotationStepSchema = z.enum(rotationSteps);
export type RotationStep = z.infer<typeof RotationStepSchema>;

export const RotationStepStateSchema = z.enum(['pending', 'running', 'done', 'failed', 'skipped']);
export type RotationStepState = z.infer<typeof RotationStepStateSchema>;

/**
 * running / rolling-back: TokenDesk is at work. needs-user: it waits for the user (`waitingFor`
 * says for what). revoke-pending: the new token is current and safe, the old one still has to be
 * revoked (retry). done and rolled-back are final.
 */
export const RotationStatusSchema = z.enum([
  'running',
  'rolling-back',
  'needs-user',
  'revoke-pending',
  'done',
  'rolled-back',
]);
export type RotationStatus = z.infer<typeof RotationStatusSchema>;

/** secret: paste the new token (guided); revoke: revoke the old one in the dashboard, then
 * confirm; retry: something failed that a retry may fix; action: only the user can fix it. */
export const RotationWaitSchema = z.enum(['secret', 'revoke', 'retry', 'action']);
export type RotationWait = z.infer<typeof RotationWaitSchema>;

/**
 * One publish target during a rotation. pending: not written yet (holds the old secret);
 * writing: the write is under way (may hold the new one); written-new: the new secret was read
 * back; refused: the target refused before anything changed (holds the old one); failed: the
 * write failed in a way that may have left the new secret there; restoring / restored-old /
 * restore-failed: the old secret going back while the rotation is undone; unbound: the user
 * removed the target, TokenDesk no longer writes it.
 */
export const PublishTargetStateSchema = z.enum([
  'pending',
  'writing',
  'written-new',
  'refused',
  'failed',
  'restoring',
  'restored-old',
  'restore-failed',
  'unbound',
]);
export type PublishTargetState = z.infer<typeof PublishTargetStateSchema>;

export const PublishResultSchema = z.object({
  targetId: id,
  /** The target as the user knows it: `owner/repo · API_TOKEN`. */
  target: longText,
  state: PublishTargetStateSchema,
  /** Which secret the target holds as far as TokenDesk knows: unknown after a cut-off write. */
  holds: z.enum(['old', 'new', 'unknown']),
  ok: z.boolean(),
  error: longText.nullable(),
});
export type PublishResult = z.infer<typeof PublishResultSchema>;

/** What the renderer sees of a rotation: never a secret. */
export const RotationViewSchema = z.object({
  rotationId: id,
  accountId: id,
  method: RotationMethodSchema,
  oldTokenId: id,
  oldTokenName: shortText,
  newTokenId: id.nullable(),
  newTokenName: shortText,
  isManagementCredential: z.boolean(),
  status: RotationStatusSchema,
  waitingFor: RotationWaitSchema.nullable(),
  /** Its place in the state table (rotation-machine.ts): what may happen next follows from it. */
  phase: RotationPhaseSchema,
  steps: z.array(
    z.object({
      step: RotationStepSchema,
      state: RotationStepStateSchema,
      startedAt: isoDate.nullable(),
      endedAt: isoDate.nullable(),
    }),
  ),
  error: z.object({ code: shortText, message: longText }).nullable(),
  /** In words: what the user should do next, or what a rollback left; null while at work or done. */
  instruction: longText.nullable(),
  /** The service's token page, for guided steps. */
  tokenPageUrl: longText.nullable(),
  publishResults: z.array(PublishResultSchema),
  /** `rotation:reveal` will return the new secret (once). */
  revealAvailable: z.boolean(),
  canRetry: z.boolean(),
  canCancel: z.boolean(),
  startedAt: isoDate,
  updatedAt: isoDate,
  finishedAt: isoDate.nullable(),
});
export type RotationView = z.infer<typeof RotationViewSchema>;

// ---- Publish targets ------------------------------------------------------------------------

/** A file path the user chose: absolute, or under their home as `~/…`. Checked in the core. */
const pathText = z.string().trim().min(1, 'Enter a file path.').max(1000);

/** A token TokenDesk holds whose secret authorizes a CI target (read from the keychain). */
export const CredentialRefSchema = z.object({ accountId: id, tokenId: id }).strict();
export type CredentialRef = z.infer<typeof CredentialRefSchema>;

/** What the user asks for when binding a target; the core fills in defaults and checks rules. */
export const PublishTargetInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('github-actions'),
      /** `owner/name`. */
      repository: shortText,
      /** An environment's secret instead of the repository's. */
      environment: shortText.optional(),
      secretName: shortText,
      /** Default: the credential account's address (https://api.github.com, or GHES). */
      apiBaseUrl: shortText.optional(),
      credential: CredentialRefSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('gitlab-variable'),
      /** A numeric id or the path `group/project`. */
      project: shortText,
      key: shortText,
      /** Default true: a token should never appear in job logs. */
      masked: z.boolean().optional(),
      /** Default false. */
      protected: z.boolean().optional(),
      /** Default `*`. */
      environmentScope: shortText.optional(),
      /** Default: the credential account's address. */
      apiBaseUrl: shortText.optional(),
      /** `tokenId` may be `manage`: the GitLab account's own management credential. */
      credential: CredentialRefSchema,
    })
    .strict(),
  z.object({ kind: z.literal('dotenv'), path: pathText, key: shortText }).strict(),
  z
    .object({
      kind: z.literal('podstack-profile'),
      /** Default `~/.podstack/credentials`. */
      path: pathText.optional(),
      profile: shortText,
    })
    .strict(),
]);
export type PublishTargetInput = z.infer<typeof PublishTargetInputSchema>;

/** A target as stored and shown: every default filled in, nothing secret. */
export const PublishTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('github-actions'),
    repository: shortText,
    environment: shortText.nullable(),
    secretName: shortText,
    apiBaseUrl: shortText,
    credential: CredentialRefSchema,
  }),
  z.object({
    kind: z.literal('gitlab-variable'),
    project: shortText,
    key: shortText,
    masked: z.boolean(),
    protected: z.boolean(),
    environmentScope: shortText,
    apiBaseUrl: shortText,
    credential: CredentialRefSchema,
  }),
  z.object({ kind: z.literal('dotenv'), path: longText, key: shortText }),
  z.object({ kind: z.literal('podstack-profile'), path: longText, profile: shortText }),
]);
export type PublishTarget = z.infer<typeof PublishTargetSchema>;
export type PublishTargetKind = PublishTarget['kind'];

/** One target's outcome: `verifiedAt` is when TokenDesk read the new value back. */
export const PublishTargetResultSchema = z.object({
  targetId: id,
  ok: z.boolean(),
  verifiedAt: isoDate.nullable(),
  error: z.object({ code: shortText, message: longText }).nullable(),
});
export type PublishTargetResult = z.infer<typeof PublishTargetResultSchema>;

/** A target bound to a token, with the outcome of its last publish. */
export const PublishBindingSchema = z.object({
  id,
  accountId: id,
  tokenId: id,
  target: PublishTargetSchema,
  /** In words, for lists: "GitHub Actions secret API_TOKEN of octo/app (production)". */
  description: longText,
  createdAt: isoDate,
  lastResult: PublishTargetResultSchema.omit({ targetId: true }).extend({ at: isoDate }).nullable(),
});
export type PublishBinding = z.infer<typeof PublishBindingSchema>;

/**
 * A state file that no longer parsed when TokenDesk read it: the damaged copy was kept aside and
 * the last backup (or, without one, an empty start) was used instead. Paths only, no contents.
 */
export const RecoveredFileNoticeSchema = z.object({
  id,
  kind: z.literal('recovered-file'),
  file: longText,
  keptAs: longText,
  restoredFrom: z.enum(['backup', 'defaults']),
  at: isoDate,
});
export type RecoveredFileNotice = z.infer<typeof RecoveredFileNoticeSchema>;

/**
 * A rotation TokenDesk resumed or undid on start, after it had stopped in the middle of it: what
 * became of the token, and which secret each of its publish targets holds now.
 */
export const RotationRecoveredNoticeSchema = z.object({
  id,
  kind: z.literal('rotation-recovered'),
  rotationId: id,
  accountLabel: shortText,
  tokenName: shortText,
  /** rotated: finished; undone: the old token is current again; revoke-pending: the new token is
   * current, the old one still to revoke; needs-you: stopped for the user (`detail` says why). */
  outcome: z.enum(['rotated', 'undone', 'revoke-pending', 'needs-you']),
  targets: z.array(z.object({ target: longText, holds: z.enum(['old', 'new', 'unknown']) })),
  detail: longText.nullable(),
  at: isoDate,
});
export type RotationRecoveredNotice = z.infer<typeof RotationRecoveredNoticeSchema>;

/** What the notice bar keeps until the user dismisses it, across restarts. */
export const AppNoticeSchema = z.discriminatedUnion('kind', [
  RecoveredFileNoticeSchema,
  RotationRecoveredNoticeSchema,
]);
export type AppNotice = z.infer<typeof AppNoticeSchema>;
