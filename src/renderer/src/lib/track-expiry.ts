import { addDays, format } from 'date-fns';
import type { Capabilities } from '../../../shared/model';
import { expiryOptions } from './expiry-options';

export interface TrackExpiryChoice {
  value: string;
  label: string;
  /** A calendar date (yyyy-MM-dd) for `tokens.track`; null sends no expiry. */
  expiresAt: string | null;
}

/** The date a token created today with this lifetime expires on. */
export function expiryDateAfter(days: number, today: Date): string {
  return format(addDays(today, days), 'yyyy-MM-dd');
}

/**
 * For a service whose dashboard offers fixed lifetimes (Podstack: 7 to 365 days or never) the
 * user picks the one they just chose there, counted from today; null when the service takes
 * any date, which is then asked with a date input. "Not set" comes first so an expiry is only
 * recorded when the user says which one it is.
 */
export function trackExpiryChoices(
  capabilities: Capabilities,
  today: Date,
): TrackExpiryChoice[] | null {
  if (capabilities.expiryDays === null) return null;
  return [
    { value: '', label: 'Not set', expiresAt: null },
    ...expiryOptions(capabilities).map((option) => ({
      value: option.value,
      label: option.label,
      expiresAt: option.expiry.kind === 'days' ? expiryDateAfter(option.expiry.days, today) : null,
    })),
  ];
}

/** What `tokens.track` gets for the field's raw value: a choice's date, or the typed date. */
export function expiresAtFrom(choices: TrackExpiryChoice[] | null, value: string): string | null {
  if (choices === null) return value === '' ? null : value;
  const choice = choices.find((c) => c.value === value);
  return choice === undefined ? null : choice.expiresAt;
}
