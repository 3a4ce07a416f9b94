/** How a step ended when it did not throw: finished, not needed, or waiting for the user. */
export type StepOutcome =
  { kind: 'done' } | { kind: 'skipped' } | { kind: 'wait'; waitFor: 'secret' | 'revoke' };

/** Signals from the user that a waiting step may go on. */
export interface RunSignals {
  /** Guided: the user says the old token was revoked in the dashboard. */
  revokeConfirmed?: boolean;
}
