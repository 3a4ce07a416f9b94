import { AppError } from '../../../../shared/errors';
import type { Expiry } from '../../../../shared/model';
import { GITLAB_MAX_LIFETIME_DAYS } from './gitlab.info';

const DAY_MS = 24 * 3600_000;

function dateIn(days: number, now: Date): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** `expires_at` for a new token the user asked for: GitLab needs one, at most 365 days ahead. */
export function expiresAtForCreate(expiry: Expiry, now: Date): string {
  if (expiry.kind === 'never') {
    throw new AppError(
      'VALIDATION',
      `GitLab tokens must expire (GitLab 16.0 and later). Choose up to ${GITLAB_MAX_LIFETIME_DAYS} days.`,
    );
  }
  if (expiry.days > GITLAB_MAX_LIFETIME_DAYS) {
    throw new AppError(
      'VALIDATION',
      `GitLab tokens live at most ${GITLAB_MAX_LIFETIME_DAYS} days. Choose a shorter expiry.`,
    );
  }
  return dateIn(expiry.days, now);
}

/**
 * `expires_at` for a roll that keeps the old token's lifetime. Never left out: without it GitLab
 * gives the new token one week. A lifetime GitLab does not allow becomes its longest one, since
 * a refused roll helps nobody.
 */
export function expiresAtForRoll(expiry: Expiry | null, now: Date): string {
  const days =
    expiry === null || expiry.kind === 'never'
      ? GITLAB_MAX_LIFETIME_DAYS
      : Math.min(expiry.days, GITLAB_MAX_LIFETIME_DAYS);
  return dateIn(days, now);
}
