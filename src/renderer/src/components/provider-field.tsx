import type { ReactNode } from 'react';
import type { AccountField } from '../../../shared/model';
import { FormField } from './form-field';

interface ProviderFieldProps {
  field: AccountField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** A field a service declares (account settings, tracked-token facts): free text or a choice. */
export function ProviderField({ field, value, error, onChange }: ProviderFieldProps): ReactNode {
  return (
    <FormField label={field.label} hint={field.help} error={error} optional={!field.required}>
      {(control) =>
        field.choices === undefined ? (
          <input
            {...control}
            type="text"
            required={field.required}
            autoComplete="off"
            spellCheck={false}
            placeholder={field.placeholder}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <select
            {...control}
            required={field.required}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">{field.required ? 'Choose…' : 'None'}</option>
            {field.choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        )
      }
    </FormField>
  );
}
