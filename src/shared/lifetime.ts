import type { Capabilities, Expiry } from './model';

const DAY_MS = 24 * 3600_000;
const MAX_DAYS = 3650;
/** Only when nothing about the old token's lifetime can be read back. */
const UNKNOWN_LIFETIME_DAYS = 30;

/** What a token's dates say of the lifetime it was given. */
export interface LifetimeFacts {
  createdAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  extended: boolean;
}

/** The lifetime a replacement gets, and how it relates to the old token's. */
export interface KeptLifetime {
  expiry: Expiry;
  /** The old token's lifetime in days; null when it never expires. */
  oldDays: number | null;
  /** The service could not give the same lifetime: `expiry` is its nearest choice. */
  fitted: boolean;
}

/**
 * The old token's lifetime, applied from now. Services list an expiry date, not the lifetime
 * chosen at creation, so it is read back from the dates: for an extended (sliding) token the
 * expiry moved with its last use, otherwise it counts from creation; without a start date, what
 * was left of it. Rounded to whole days, then fitted to the service's offered choices.
 */
export function keptLifetime(
  token: LifetimeFacts,
  capabilities: Capabilities,
  now: Date,
): KeptLifetime {
  if (token.expiresAt === null) {
    if (capabilities.neverExpires)
      return { expiry: { kind: 'never' }, oldDays: null, fitted: false };
    return {
      expiry: { kind: 'days', days: longestDays(capabilities) },
      oldDays: null,
      fitted: true,
    };
  }
  const oldDays = daysOf(token, now);
  const days = nearestChoice(oldDays, capabilities);
  return { expiry: { kind: 'days', days }, oldDays, fitted: days !== oldDays };
}

/** In plain words, for the rotate dialog and the Rotate button's tooltip. */
export function describeKeptLifetime(kept: KeptLifetime, serviceName: string): string {
  const { expiry, oldDays } = kept;
  if (expiry.kind === 'never') return 'The new token never expires, like the old one.';
  if (oldDays === null) {
    return `${serviceName} tokens must expire, so the new token gets ${daysText(expiry.days)}, the longest ${serviceName} offers; the old one never expires.`;
  }
  if (!kept.fitted) {
    return `The new token gets the old one’s lifetime: ${daysText(expiry.days)} from now.`;
  }
  return `The old token had a lifetime of ${daysText(oldDays)}, which ${serviceName} does not offer, so the new token gets ${daysText(expiry.days)}, the nearest it offers.`;
}

/** Why `expiry` is not one the service accepts; null when it is. */
export function lifetimeProblem(expiry: Expiry, capabilities: Capabilities): string | null {
  if (expiry.kind === 'never') {
    return capabilities.neverExpires ? null : 'This service needs an expiry date for every token.';
  }
  const choices = capabilities.expiryDays;
  if (choices !== null && choices.length > 0 && !choices.includes(expiry.days)) {
    return `This service offers these expiry choices only: ${choices.join(', ')} days.`;
  }
  return null;
}

export function daysText(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

function daysOf(token: LifetimeFacts, now: Date): number {
  const to = Date.parse(token.expiresAt ?? '');
  const base = token.extended && token.lastUsedAt !== null ? token.lastUsedAt : token.createdAt;
  const from = base === null ? Number.NaN : Date.parse(base);
  let days: number;
  if (!Number.isNaN(from)) days = Math.round((to - from) / DAY_MS);
  else if (to > now.getTime()) days = Math.round((to - now.getTime()) / DAY_MS);
  else days = UNKNOWN_LIFETIME_DAYS;
  return Math.min(MAX_DAYS, Math.max(1, Number.isNaN(days) ? UNKNOWN_LIFETIME_DAYS : days));
}

function nearestChoice(days: number, capabilities: Capabilities): number {
  const choices = capabilities.expiryDays;
  if (choices === null || choices.length === 0) return days;
  // On a tie the longer one: a replacement should not expire sooner than needed.
  return choices.reduce((best, choice) => {
    const closer = Math.abs(choice - days) - Math.abs(best - days);
    return closer < 0 || (closer === 0 && choice > best) ? choice : best;
  });
}

function longestDays(capabilities: Capabilities): number {
  const choices = capabilities.expiryDays;
  return choices === null || choices.length === 0 ? 365 : Math.max(...choices);
}
