import { z } from 'zod';
import {
  ImportCandidateSchema,
  ImportSourceSchema,
  isoDate,
  AccountInventorySchema,
  AccountSchema,
  ExpirySchema,
  ProviderInfoSchema,
  PublishBindingSchema,
  PublishTargetInputSchema,
  PublishTargetResultSchema,
  RotationViewSchema,
  ProviderKindSchema,
  AppNoticeSchema,
  TokenInfoSchema,
  id,
  longText,
  shortText,
} from './model';
import {
  AttentionListSchema,
  AttentionSettingsSchema,
  AuditGroupSchema,
  ReminderSchema,
  TimelineSchema,
} from './attention-model';

/**
 * The whole surface between the renderer and main, in one place to audit. Every channel is
 * `domain:verb`; its arguments are parsed with `args` before any handler runs (strict: unknown
 * keys are refused) and its result is passed through `result` on the way out (unknown keys are
 * stripped, so a field added by mistake in the core can never reach the renderer).
 */
const noArgs = z.object({}).strict();
const secretText = z.string().trim().min(1, 'must not be empty').max(4096);
const accountRef = z.object({ accountId: id }).strict();
const tokenRef = z.object({ accountId: id, tokenId: id }).strict();
const rotationRef = z.object({ rotationId: id }).strict();

export const contract = {
  'app:info': {
    args: noArgs,
    result: z.object({
      target: z.enum(['electron', 'browser']),
      version: shortText,
      /** Where copying happens: in main with auto-clear, or in the page without it. */
      clipboard: z.enum(['main', 'page']),
      clipboardClearSeconds: z.number().int().nonnegative(),
    }),
  },
  /** Damaged state files recovered since start that the user has not dismissed yet. */
  'app:notices': { args: noArgs, result: z.array(AppNoticeSchema) },
  'app:dismissNotice': {
    args: z.object({ noticeId: id }).strict(),
    result: z.object({ dismissed: z.literal(true) }),
  },
  'providers:list': { args: noArgs, result: z.array(ProviderInfoSchema) },
  'accounts:list': { args: noArgs, result: z.array(AccountSchema) },
  'accounts:add': {
    args: z
      .object({
        provider: ProviderKindSchema,
        label: z.string().trim().min(1, 'Give the account a name.').max(100),
        baseUrl: z.string().trim().min(1, 'Enter the service URL.').max(500),
        settings: z.record(shortText, shortText),
        /** Absent for services managed in their own dashboard (guided). */
        credential: secretText.optional(),
      })
      .strict(),
    result: AccountSchema,
  },
  /** Replaces the management credential, only once the service accepts the new one. */
  'accounts:setCredential': {
    args: z.object({ accountId: id, credential: secretText }).strict(),
    result: AccountSchema,
  },
  'accounts:remove': { args: accountRef, result: z.object({ removed: z.literal(true) }) },
  'tokens:inventory': { args: noArgs, result: z.array(AccountInventorySchema) },
  'tokens:refresh': {
    args: z.object({ accountId: id.optional() }).strict(),
    result: z.array(AccountInventorySchema),
  },
  'tokens:create': {
    args: z
      .object({
        accountId: id,
        name: z.string().trim().min(1, 'Give the token a name.').max(200),
        description: longText.optional(),
        expiry: ExpirySchema,
        extended: z.boolean().optional(),
      })
      .strict(),
    // The one result that carries a secret: the create-once reveal.
    result: z.object({ token: TokenInfoSchema, secret: z.string().max(4096) }),
  },
  /**
   * Where rotating cannot work: a new token with the old one's settings and lifetime (or
   * `expiry`); the old one is kept. Carries the new secret once, as tokens:create does.
   */
  'tokens:createReplacement': {
    args: tokenRef.extend({ expiry: ExpirySchema.optional() }).strict(),
    result: z.object({ token: TokenInfoSchema, secret: z.string().max(4096) }),
  },
  'tokens:revoke': { args: tokenRef, result: z.object({ revoked: z.literal(true) }) },
  'tokens:rename': {
    args: z
      .object({
        accountId: id,
        tokenId: id,
        name: z.string().trim().min(1, 'Give the token a name.').max(200),
      })
      .strict(),
    result: z.object({ renamed: z.literal(true) }),
  },
  /** Switches a token off (it stops working until switched on) or on, where the service can. */
  'tokens:setStatus': {
    args: z.object({ accountId: id, tokenId: id, status: z.enum(['active', 'inactive']) }).strict(),
    result: z.object({ status: z.enum(['active', 'inactive']) }),
  },
  'tokens:track': {
    args: z
      .object({
        accountId: id,
        name: z.string().trim().min(1, 'Give the token a name.').max(200),
        secret: secretText,
        description: longText.optional(),
        project: shortText.optional(),
        role: shortText.optional(),
        createdAt: isoDate.optional(),
        expiresAt: isoDate.optional(),
      })
      .strict(),
    result: TokenInfoSchema,
  },
  'tokens:verify': {
    args: tokenRef,
    result: z.object({
      works: z.boolean(),
      checkedAt: isoDate,
      problem: z.object({ code: shortText, message: longText }).nullable(),
    }),
  },
  'tokens:forget': { args: tokenRef, result: z.object({ forgotten: z.literal(true) }) },
  'import:scan': {
    args: z.object({ sources: z.array(ImportSourceSchema).min(1).max(10) }).strict(),
    result: z.object({
      candidates: z.array(ImportCandidateSchema),
      problems: z.array(z.object({ source: shortText, message: longText })),
    }),
  },
  'import:apply': {
    args: z
      .object({
        accountId: id,
        items: z
          .array(
            z
              .object({
                candidateId: id,
                name: z.string().trim().min(1, 'Give the token a name.').max(200),
                project: shortText.optional(),
                role: shortText.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(100),
      })
      .strict(),
    result: z.object({
      imported: z.array(TokenInfoSchema),
      failed: z.array(z.object({ candidateId: id, code: shortText, message: longText })),
    }),
  },
  'secrets:copy': {
    args: tokenRef,
    result: z.object({ clearsAfterSeconds: z.number().int().nonnegative() }),
  },
  // ---- Rotation: journaled, resumable; progress arrives as `rotation:progress` events. ----
  /** Checks, journals the intent and starts the rotation; returns before it finishes. */
  'rotation:start': {
    /** `expiry`: the user's choice; without it the new token keeps the old one's lifetime. */
    args: tokenRef.extend({ expiry: ExpirySchema.optional() }).strict(),
    result: z.object({ rotationId: id }),
  },
  /** Unfinished rotations and the most recent finished ones, newest first. */
  'rotation:list': { args: noArgs, result: z.array(RotationViewSchema) },
  /** Guided: the secret of the token the user created in the service's dashboard. */
  'rotation:provideSecret': {
    args: z.object({ rotationId: id, secret: secretText }).strict(),
    result: RotationViewSchema,
  },
  /** Guided: the user revoked the old token in the dashboard; TokenDesk proves it fails now. */
  'rotation:confirmRevoked': { args: rotationRef, result: RotationViewSchema },
  /** Resumes a rotation that stopped on a failure (revoke-pending or needs-user). */
  'rotation:retry': { args: rotationRef, result: RotationViewSchema },
  /** Only before the new token exists (or, guided, before its secret was given). */
  'rotation:cancel': { args: rotationRef, result: RotationViewSchema },
  /** The create-once reveal of the new secret: once, after it is safe in the keychain. */
  'rotation:reveal': { args: rotationRef, result: z.object({ secret: z.string().max(4096) }) },
  // ---- Publish: copy a token's secret to CI secrets/variables and local files; no secrets cross. ----
  /** The targets bound to a token, with the outcome of each one's last publish. */
  'publish:list': { args: tokenRef, result: z.array(PublishBindingSchema) },
  /** Binds a target to a token after checking its names, path and credential. */
  'publish:add': {
    args: z.object({ accountId: id, tokenId: id, target: PublishTargetInputSchema }).strict(),
    result: PublishBindingSchema,
  },
  'publish:remove': {
    args: z.object({ accountId: id, tokenId: id, targetId: id }).strict(),
    result: z.object({ removed: z.literal(true) }),
  },
  /** Publishes the token's current secret (from the keychain) to all or the chosen targets. */
  'publish:run': {
    args: z
      .object({ accountId: id, tokenId: id, targetIds: z.array(id).min(1).max(100).optional() })
      .strict(),
    result: z.array(PublishTargetResultSchema),
  },
  /**
   * Checks that every target still holds its token's current secret (read back and compared in
   * main; GitHub by date). Drifted targets appear in Needs attention.
   */
  'publish:check': {
    args: noArgs,
    result: z.object({ drifted: z.number().int().nonnegative() }),
  },
  /** "Publish again": the current secret to the token's drifted targets, then checks them. */
  'publish:again': { args: tokenRef, result: z.array(PublishTargetResultSchema) },
  // ---- Attention: expiry warnings, unused tokens, reminders; judged in main by its clock. ----
  /** Every token that needs the user, most urgent first, with what would fix it. */
  'attention:list': { args: noArgs, result: AttentionListSchema },
  /** Hides the token's current reasons for a while; a new reason or threshold still shows. */
  'attention:snooze': {
    args: z.object({ accountId: id, tokenId: id, days: z.number().int().min(1).max(90) }).strict(),
    result: z.object({ until: isoDate }),
  },
  /** The user's own reminder date for a token (null clears it). */
  'attention:setReminder': {
    args: z.object({ accountId: id, tokenId: id, remindAt: isoDate.nullable() }).strict(),
    result: z.object({ reminderAt: isoDate.nullable() }),
  },
  'attention:settings': { args: noArgs, result: AttentionSettingsSchema },
  'attention:setSettings': {
    args: z.object({ settings: AttentionSettingsSchema }).strict(),
    result: AttentionSettingsSchema,
  },
  /** Expiries, reminders and rotation-policy dates in the next `days` days (default 90). */
  'attention:timeline': {
    args: z.object({ days: z.number().int().min(1).max(365).optional() }).strict(),
    result: TimelineSchema,
  },
  /** Never-used and idle tokens per account and project. */
  'audit:list': { args: noArgs, result: z.array(AuditGroupSchema) },
} as const;

/** Pushes from main to the renderer. */
export const events = {
  /** A state file was found damaged and recovered, or a rotation was resumed or undone on start. */
  'app:notice': AppNoticeSchema,
  'inventory:changed': AccountInventorySchema,
  /** After every step of a rotation (and every change of its state). */
  'rotation:progress': RotationViewSchema,
  /** The number of tokens that need attention changed, or may have (after every check). */
  'attention:changed': z.object({ count: z.number().int().nonnegative() }),
  /** A reminder became due; the browser target shows it in the page. */
  'attention:reminder': ReminderSchema,
  /** The user clicked a reminder's notification: show this token. */
  'attention:open': z.object({ accountId: id, tokenId: id }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type EventName = keyof typeof events;
export type ChannelArgs<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<Contract[C]['args']>;
export type ChannelResult<C extends Channel> = z.output<Contract[C]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channels = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export type Envelope<T> =
  { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type Domain = DomainOf<Channel>;

/** Channels whose arguments are all optional may be called without any. */
type Invoker<C extends Channel> =
  Record<string, never> extends ChannelArgs<C>
    ? (args?: ChannelArgs<C>) => Promise<ChannelResult<C>>
    : (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;

export type EventMethodName<E extends string> =
  `on${Capitalize<DomainOf<E>>}${Capitalize<VerbOf<E>>}`;

export type Unsubscribe = () => void;

/** What `window.api` is: one method per channel, grouped by domain, and one `onX` per event. */
export type Api = {
  readonly [D in Domain]: {
    readonly [C in Channel as DomainOf<C> extends D ? VerbOf<C> : never]: Invoker<C>;
  };
} & {
  readonly events: {
    readonly [E in EventName as EventMethodName<E>]: (
      listener: (payload: EventPayload<E>) => void,
    ) => Unsubscribe;
  };
};

export function splitChannel(channel: string): { domain: string; verb: string } {
  const [domain = '', verb = ''] = channel.split(':');
  return { domain, verb };
}

export function eventMethodName<E extends EventName>(event: E): EventMethodName<E> {
  const { domain, verb } = splitChannel(event);
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  return `on${cap(domain)}${cap(verb)}` as EventMethodName<E>;
}
