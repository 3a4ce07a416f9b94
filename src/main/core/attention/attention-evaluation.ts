import type { AttentionReason, AttentionSettings } from '../../../shared/attention-model';
import type { Account, AccountInventory, RotationView, TokenInfo } from '../../../shared/model';
import type { AccountRegistry } from '../accounts/account-registry';
import type { Clock } from '../clock';
import type { InventoryService } from '../inventory/inventory.service';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { DriftFinding } from '../publish/drift/drift.service';
import { checkCapabilities, methodFor } from '../rotation/rotation-preflight';
import { fixesFor, type TokenAbilities } from './attention-fixes';
import { assessToken, reasonKey, type Assessment, type TokenFacts } from './attention-policy';
import { rulesFor, type AttentionFile, type AttentionStore } from './attention-store';
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
  drift: { findingsOf(accountId: string, tokenId: string): DriftFinding[] };
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

/** Every listed token of every account, judged now from the cached lists: no network. */
export async function evaluateAttention(sources: AttentionSources): Promise<Evaluation> {
  const now = sources.clock.now();
  const [accounts, inventories, rotations, file] = await Promise.all([
    sources.registry.list(),
    sources.inventory.snapshot(),
    sources.rotations.list(),
    sources.store.read(),
  ]);
  const rotatedOut = rotatedOutTimes(rotations);
  const tokens: EvaluatedToken[] = [];
  for (const account of accounts) {
    const inventory = inventories.find((entry) => entry.accountId === account.id);
    if (inventory === undefined) continue;
    for (const token of inventory.tokens) {
      tokens.push(evaluateToken(sources, account, inventory, token, file, rotatedOut, now));
    }
  }
  const changes = tokens.flatMap((t) => [t.assessment.nextChangeAt, t.snoozedUntil]);
  const future = changes.filter((d): d is Date => d !== null && d > now).map((d) => d.getTime());
  return {
    now,
    settings: file.settings,
    tokens,
    nextChangeAt: future.length === 0 ? null : new Date(Math.min(...future)),
  };
}

function evaluateToken(
  sources: AttentionSources,
  account: Account,
  inventory: AccountInventory,
  token: TokenInfo,
  file: AttentionFile,
  rotatedOut: Map<string, string>,
  now: Date,
): EvaluatedToken {
  const reminder = file.reminderDates.find(
    (r) => r.accountId === account.id && r.tokenId === token.id,
  );
  const facts: TokenFacts = {
    token,
    provider: account.provider,
    guided: account.mode === 'guided',
    rules: rulesFor(file.settings, account.id),
    reminderAt: reminder === undefined ? null : reminder.at,
    rotatedOutAt: rotatedOut.get(`${account.id}/${token.id}`) ?? null,
    serviceAheadMs: serviceAheadMs(inventory),
  };
  const assessment = withDrift(
    assessToken(facts, now),
    sources.drift.findingsOf(account.id, token.id),
  );
  const snooze = file.snoozes.find(
    (s) =>
      s.accountId === account.id && s.tokenId === token.id && Date.parse(s.until) > now.getTime(),
  );
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
    abilities: abilitiesOf(sources, account, token),
  };
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
