/** One target (a CI secret, a .env entry…) that received — or failed to receive — a new secret. */
export interface PublishOutcome {
  targetId: string;
  ok: boolean;
  /** For the user; must never contain the secret. */
  error?: string;
}

/**
 * Where a credential is used besides the keychain. The publish feature implements it; rotation
 * only asks it to write the new secret to every target bound to the old token, and afterwards
 * to bind those targets to the new token.
 */
export interface RotationPublisher {
  publish(input: { accountId: string; tokenId: string; secret: string }): Promise<PublishOutcome[]>;
  rebind(accountId: string, oldTokenId: string, newTokenId: string): Promise<void>;
}

/** Until publishing lands: no targets, nothing to write, nothing to rebind. */
export const emptyPublisher: RotationPublisher = {
  publish: () => Promise.resolve([]),
  rebind: () => Promise.resolve(),
};
