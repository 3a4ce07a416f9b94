import type { Capabilities, Expiry } from '../../../shared/model';

export interface ExpiryOption {
  value: string;
  label: string;
  expiry: Expiry;
}

/** Offered when the service takes any number of days. */
const commonDays = [7, 30, 90, 180, 365];
const preferredDays = 30;

export function expiryOptions(capabilities: Capabilities): ExpiryOption[] {
  const days = capabilities.expiryDays ?? commonDays;
  const options: ExpiryOption[] = days.map((n) => ({
    value: `days:${n}`,
    label: n === 1 ? '1 day' : `${n} days`,
    expiry: { kind: 'days', days: n },
  }));
  if (capabilities.neverExpires) {
    options.push({ value: 'never', label: 'Never', expiry: { kind: 'never' } });
  }
  return options;
}

/** A month by default: short enough to limit a leak, long enough not to nag. */
export function defaultExpiryValue(options: ExpiryOption[]): string {
  const preferred = options.find(
    (o) => o.expiry.kind === 'days' && o.expiry.days === preferredDays,
  );
  const chosen = preferred ?? options[0];
  return chosen === undefined ? '' : chosen.value;
}
