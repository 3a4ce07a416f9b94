/** One place a token's secret is copied to, as the user knows it (`owner/repo · API_TOKEN`). */
export interface PublishTargetRef {
  targetId: string;
  /** The target in the user's words; never an internal id. */
  label: string;
  /** What kind of target (a checkpoint names it, so a crash can be placed inside its write). */
  kind: string;
}

/**
 * How one write to one target ended. `mayHaveChanged` is false only when the target refused
 * before anything was written (a 4xx with its reason, a missing file's folder): then it still
 * holds what it held. Any other failure (a lost answer, a read-back that did not match) may have
 * left the new secret there.
 */
export type TargetWriteOutcome =
  { ok: true } | { ok: false; mayHaveChanged: boolean; error: { code: string; message: string } };

/**
 * Where a credential is used besides the keychain. The publish feature implements it; rotation
 * asks which targets are bound to the old token, writes a secret to them one at a time (the new
 * one, or the old one back when it undoes a rotation) and journals each write, and afterwards
 * binds those targets to the new token.
 */
export interface RotationPublisher {
  targets(accountId: string, tokenId: string): Promise<PublishTargetRef[]>;
  /** Writes `secret` to one target and reads it back. Never throws for the target's own failure. */
  write(
    target: { accountId: string; tokenId: string; targetId: string },
    secret: string,
  ): Promise<TargetWriteOutcome>;
  rebind(accountId: string, oldTokenId: string, newTokenId: string): Promise<void>;
}
