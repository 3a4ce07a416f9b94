import { useId, type ReactNode } from 'react';

/** What a form control needs to be labelled and described by its field. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FormFieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** Marked next to the label, not inside it, so the accessible name stays the label. */
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export function FormField({ label, hint, error, optional, children }: FormFieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null;
  const describedBy = [hint === undefined ? null : hintId, hasError ? errorId : null]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {optional === true ? <span className="optional">Optional</span> : null}
      </div>
      {children({
        id,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
        'aria-invalid': hasError ? true : undefined,
      })}
      {hint === undefined ? null : (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {hasError ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
