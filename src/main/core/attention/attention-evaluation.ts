import type {
  AttentionReason,
  AttentionRules,
  AttentionSettings,
} from '../../../shared/attention-model';
import type { Account, AccountInventory, RotationView, TokenInfo } from '../../../shared/model';
import type { AccountRegistry } from '../accounts/account-registry';
import type { Clock } from '../clock';
import type { InventoryService } from '../inventory/inventory.service';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { DriftFinding } from '../publish/drift/drift.service';
import { checkCapabilities, methodFor } from '../rotation/rotation-preflight';
import { fixesFor, type TokenAbilities } from './attention-fixes';
import { assessToken, reasonKey, type Assessment, type TokenFacts } from './attention-policy';
import { rulesFor, type AttentionFile, type AttentionStore, type Snooze } from './attention-store';
import { serviceAheadMs } from './service-clock';

export interface AttentionSources {
  registry: AccountRegistry;
  providers: ProviderRegistry;
  inventory: InventoryService;
  /** The rotations journaled, for "still used after it was rotated out". */
  rotations: { list(): Promise<RotationView[]> };
  store: AttentionStore;
  clock: Clock;
  /** Publish targets that no longer hold the token's current secret (src/main/core/publish/drift). */
  drift: { all(): DriftFinding[] };
}

/** One listed token as the policy judged it. */
export interface EvaluatedToken {
  account: Account;
  token: TokenInfo;
  facts: TokenFacts;
  assessment: Assessment;
  /** The reasons not hidden by a running snooze. */
  visible: AttentionReason[];
  snoozedUntil: Date | null;
  abilities: TokenAbilities;
}

export interface Evaluation {
  now: Date;
  settings: AttentionSettings;
  tokens: EvaluatedToken[];
  /** The earliest moment anything changes by time alone: a threshold, a due date, a snooze end. */
  nextChangeAt: Date | null;
}

/** What one account's judgement was made from; the same inputs at the same day give the same. */
interface AccountInputs {
  account: Account;
  tokens: TokenInfo[];
  serviceAheadMs: number;
  settings: AttentionSettings;
  /** The account's snoozes, reminder dates and rotated-out times, as one comparable string. */
  records: string;
}

interface AccountJudgement {
  inputs: AccountInputs;
  /** Until then (a milestone, a snooze's end, the next calendar day) the judgement holds. */
  validUntil: number;
  tokens: EvaluatedToken[];
  /** Each token's judgement and until when it holds, by token id. */
  byToken: Map<string, { evaluated: EvaluatedToken; validUntil: number }>;
}

/**
 * Judges every listed token of every account from the cached lists: no network. A token is
 * judged again only when it changed (the cache keeps an unchanged token's object), when its
 * account's records or the rules changed, or when time reached one of its milestones or a new
 * calendar day (the messages count days); otherwise its last judgement is reused, so a refresh
 * costs the tokens that changed, not all of them.
 */
export class AttentionEvaluator {
  private readonly judged = new Map<string, AccountJudgement>();
  private last: Evaluation | null = null;
  /** Tokens assessed since the start: how tests prove that unchanged tokens cost nothing. */
  assessedCount = 0;

  constructor(private readonly sources: AttentionSources) {}

  async evaluate(): Promise<Evaluation> {
    const sources = this.sources;
    const now = sources.clock.now();
    const [accounts, inventories, rotations, file] = await Promise.all([
      sources.registry.list(),
      sources.inventory.snapshot(),
      sources.rotations.list(),
      sources.store.read(),
    ]);
    const records = recordsByToken(file, rotatedOutTimes(rotations), sources.drift.all(), now);
    const inventoryOf = new Map(inventories.map((inventory) => [inventory.accountId, inventory]));
    const judgements: AccountJudgement[] = [];
    let reused = this.last !== null && this.last.settings === file.settings;
    for (const account of accounts) {
      const inventory = inventoryOf.get(account.id);
      if (inventory === undefined) continue;
      const previous = this.judged.get(account.id);
      const judgement = this.judge(account, inventory, file, records, now);
      if (judgement !== previous) reused = false;
      judgements.push(judgement);
    }
    if (judgements.length !== this.judged.size) {
      reused = false;
      const seen = new Set(judgements.map((j) => j.inputs.account.id));
      for (const accountId of this.judged.keys()) {
        if (!seen.has(accountId)) this.judged.delete(accountId);
      }
    }
    // Nothing was judged again: the same answer, at a new time.
    if (reused && this.last !== null) return { ...this.last, now };
    const tokens = judgements.flatMap((j) => j.tokens);
    let next = Infinity;
    for (const token of tokens) next = Math.min(next, changeOf(token, now));
    this.last = {
      now,
      settings: file.settings,
      tokens,
      nextChangeAt: next === Infinity ? null : new Date(next),
    };
    return this.last;
  }

  private judge(
    account: Account,
    inventory: AccountInventory,
    file: AttentionFile,
    records: TokenRecords,
    now: Date,
  ): AccountJudgement {
    const inputs: AccountInputs = {
      account,
      tokens: inventory.tokens,
      serviceAheadMs: serviceAheadMs(inventory),
      settings: file.settings,
      records: records.signatureOf(account.id),
    };
    const previous = this.judged.get(account.id);
    const time = now.getTime();
    if (
      previous !== undefined &&
      sameInputs(previous.inputs, inputs) &&
      time < previous.validUntil
    ) {
      return previous;
    }
    // Same account, rules and records: only tokens whose object changed are judged again.
    const reusable =
      previous !== undefined &&
      sameInputs(previous.inputs, { ...inputs, tokens: previous.inputs.tokens })
        ? previous.byToken
        : null;
    const context = {
      rules: rulesFor(file.settings, account.id),
      serviceAheadMs: inputs.serviceAheadMs,
    };
    const dayEnds = nextDayStart(now);
    const byToken = new Map<string, { evaluated: EvaluatedToken; validUntil: number }>();
    let validUntil = dayEnds;
    const tokens = inventory.tokens.map((token) => {
      const known = reusable === null ? undefined : reusable.get(token.id);
      const entry =
        known !== undefined && known.evaluated.token === token && time < known.validUntil
          ? known
          : this.judgeToken(account, token, context, records, now, dayEnds);
      byToken.set(token.id, entry);
      validUntil = Math.min(validUntil, entry.validUntil);
      return entry.evaluated;
    });
    const judgement: AccountJudgement = { inputs, validUntil, tokens, byToken };
    this.judged.set(account.id, judgement);
    return judgement;
  }

  private judgeToken(
    account: Account,
    token: TokenInfo,
    context: { rules: AttentionRules; serviceAheadMs: number },
    records: TokenRecords,
    now: Date,
    dayEnds: number,
  ): { evaluated: EvaluatedToken; validUntil: number } {
    const evaluated = this.evaluateToken(account, token, context, records, now);
    return { evaluated, validUntil: Math.min(dayEnds, changeOf(evaluated, now)) };
  }

  private evaluateToken(
    account: Account,
    token: TokenInfo,
    context: { rules: AttentionRules; serviceAheadMs: number },
    records: TokenRecords,
    now: Date,
  ): EvaluatedToken {
    this.assessedCount += 1;
    const key = tokenKey(account.id, token.id);
    const facts: TokenFacts = {
      token,
      provider: account.provider,
      guided: account.mode === 'guided',
      rules: context.rules,
      reminderAt: records.reminderAt.get(key) ?? null,
      rotatedOutAt: records.rotatedOutAt.get(key) ?? null,
      serviceAheadMs: context.serviceAheadMs,
    };
    const assessment = withDrift(assessToken(facts, now), records.drift.get(key) ?? []);
    const snooze = records.snoozes.get(key);
    const visible =
      snooze === undefined
        ? assessment.reasons
        : assessment.reasons.filter((r) => !snooze.reasons.includes(reasonKey(r)));
    return {
      account,
      token,
      facts,
      assessment,
      visible,
      snoozedUntil: snooze === undefined ? null : new Date(snooze.until),
      abilities: abilitiesOf(this.sources, account, token),
    };
  }
}

interface TokenRecords {
  reminderAt: Map<string, string>;
  rotatedOutAt: Map<string, string>;
  /** Snoozes still running now. */
  snoozes: Map<string, Snooze>;
  drift: Map<string, DriftFinding[]>;
  signatureOf(accountId: string): string;
}

/** The user's records by token, indexed once per evaluation instead of searched per token. */
function recordsByToken(
  file: AttentionFile,
  rotatedOut: Map<string, string>,
  findings: DriftFinding[],
  now: Date,
): TokenRecords {
  const parts = new Map<string, string[]>();
  const note = (accountId: string, part: string): void => {
    const list = parts.get(accountId);
    if (list === undefined) parts.set(accountId, [part]);
    else list.push(part);
  };
  const reminderAt = new Map<string, string>();
  for (const r of file.reminderDates) {
    reminderAt.set(tokenKey(r.accountId, r.tokenId), r.at);
    note(r.accountId, `r ${r.tokenId} ${r.at}`);
  }
  const snoozes = new Map<string, Snooze>();
  for (const s of file.snoozes) {
    if (Date.parse(s.until) <= now.getTime()) continue;
    snoozes.set(tokenKey(s.accountId, s.tokenId), s);
    note(s.accountId, `s ${s.tokenId} ${s.until} ${s.reasons.join(',')}`);
  }
  for (const [key, at] of rotatedOut) {
    const accountId = key.slice(0, key.indexOf('/'));
    note(accountId, `o ${key} ${at}`);
  }
  const drift = new Map<string, DriftFinding[]>();
  for (const finding of findings) {
    const key = tokenKey(finding.accountId, finding.tokenId);
    drift.set(key, [...(drift.get(key) ?? []), finding]);
    note(finding.accountId, `d ${key} ${finding.bindingId} ${finding.state} ${finding.message}`);
  }
  return {
    reminderAt,
    rotatedOutAt: rotatedOut,
    snoozes,
    drift,
    signatureOf: (accountId) => (parts.get(accountId) ?? []).join('\n'),
  };
}

function sameInputs(a: AccountInputs, b: AccountInputs): boolean {
  return (
    a.account === b.account &&
    a.tokens === b.tokens &&
    a.serviceAheadMs === b.serviceAheadMs &&
    a.settings === b.settings &&
    a.records === b.records
  );
}

/** The first moment the token's judgement can change by time alone. */
function changeOf(token: EvaluatedToken, now: Date): number {
  const moments = [token.assessment.nextChangeAt, token.snoozedUntil]
    .filter((d): d is Date => d !== null && d > now)
    .map((d) => d.getTime());
  return moments.length === 0 ? Infinity : Math.min(...moments);
}

/** Messages count calendar days on this machine's clock face ("in 3 days"). */
function nextDayStart(now: Date): number {
  const next = new Date(now);
  next.setHours(24, 0, 0, 0);
  return next.getTime();
}

function tokenKey(accountId: string, tokenId: string): string {
  return `${accountId}/${tokenId}`;
}

/** A drifted target is a reason like the policy's: it shows, sorts and snoozes the same way. */
function withDrift(assessment: Assessment, findings: DriftFinding[]): Assessment {
  if (findings.length === 0) return assessment;
  const reasons: AttentionReason[] = findings.map((finding) => ({
    kind: finding.state === 'dead' ? 'target-dead' : 'target-drift',
    urgency: finding.state === 'dead' ? 'critical' : 'high',
    thresholdDays: null,
    at: null,
    message: finding.message,
  }));
  return { ...assessment, reasons: [...assessment.reasons, ...reasons] };
}

/** When each old token was replaced: the end of its rotation's promote step. */
function rotatedOutTimes(rotations: RotationView[]): Map<string, string> {
  const times = new Map<string, string>();
  for (const rotation of rotations) {
    const promote = rotation.steps.find((step) => step.step === 'promote');
    if (promote === undefined || promote.state !== 'done' || promote.endedAt === null) continue;
    times.set(`${rotation.accountId}/${rotation.oldTokenId}`, promote.endedAt);
  }
  return times;
}

function abilitiesOf(
  sources: AttentionSources,
  account: Account,
  token: TokenInfo,
): TokenAbilities {
  const adapter = sources.providers.find(account.provider);
  if (adapter === undefined || token.status === 'revoked') {
    return { canRotate: false, canRevoke: false };
  }
  let canRotate = true;
  try {
    checkCapabilities(methodFor(account), adapter.info);
  } catch {
    canRotate = false;
  }
  // As in the list: TokenDesk's own credential is rotated, never revoked; guided ones are
  // revoked in the service's dashboard.
  const canRevoke =
    adapter.info.capabilities.revoke && account.mode !== 'guided' && !token.isManagementCredential;
  return { canRotate, canRevoke };
}

export function fixesOf(token: EvaluatedToken): ReturnType<typeof fixesFor> {
  return fixesFor(token.visible, token.abilities);
}
