import type { ReactNode } from 'react';
import type { TrackExpiryChoice } from '../lib/track-expiry';
import { FormField } from './form-field';

interface TrackExpiryFieldProps {
  serviceName: string;
  /** The service's fixed lifetimes as dates from today; null asks for any date. */
  choices: TrackExpiryChoice[] | null;
  /** The control's raw value: a choice's value, or the typed date (see `expiresAtFrom`). */
  value: string;
  onChange: (value: string) => void;
}

/**
 * When the tracked token expires, so TokenDesk can remind the user before it does. The service
 * does not tell (it has no token API), so the user says what they chose in its dashboard.
 */
export function TrackExpiryField({
  serviceName,
  choices,
  value,
  onChange,
}: TrackExpiryFieldProps): ReactNode {
  if (choices === null) {
    return (
      <FormField
        label="Expires (optional)"
        hint="When the token expires, or when you mean to rotate it: TokenDesk reminds you before then."
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </FormField>
    );
  }
  return (
    <FormField
      label="Expires (optional)"
      hint={`The lifetime you chose in ${serviceName}, counted from today.`}
    >
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
