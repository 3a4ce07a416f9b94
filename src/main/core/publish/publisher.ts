/**
 * The port through which the rotation engine hands a new secret to its consumers. The publish
 * service implements it; rotation never knows what a target is.
 */
export interface Publisher {
  /** Publishes `secret` to every target bound to (accountId, tokenId); one result per target. */
  publish(input: { accountId: string; tokenId: string; secret: string }): Promise<PublishResult[]>;
  /** Moves the bindings of a rotated token to its successor. */
  rebind(accountId: string, oldTokenId: string, newTokenId: string): Promise<void>;
}

export interface PublishResult {
  targetId: string;
  ok: boolean;
  verifiedAt: string | null;
  error: { code: string; message: string } | null;
}
