import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ImportSource } from '../../../shared/model';

interface ImportSourcesFormProps {
  scanning: boolean;
  onScan: (sources: ImportSource[]) => void;
}

interface Errors {
  sources?: string;
  dotenvPath?: string;
}

const podstackDefaultPath = '~/.podstack/credentials';

interface SourceRowProps {
  label: string;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  /** A file source's path input, labelled on its own for assistive technology. */
  path?: {
    label: string;
    value: string;
    placeholder: string;
    error: string | undefined;
    onChange: (value: string) => void;
  };
}

function SourceRow({ label, checked, onCheck, path }: SourceRowProps): ReactNode {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="source-row">
      <label className="checkbox source-check">
        <input type="checkbox" checked={checked} onChange={(e) => onCheck(e.target.checked)} />
        {label}
      </label>
      {path === undefined ? null : (
        <>
          <label htmlFor={id} className="source-path-label">
            {path.label}
          </label>
          <input
            id={id}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={path.placeholder}
            disabled={!checked}
            aria-invalid={path.error === undefined ? undefined : true}
            aria-describedby={path.error === undefined ? undefined : errorId}
            value={path.value}
            onChange={(e) => path.onChange(e.target.value)}
          />
          {path.error === undefined ? null : (
            <p id={errorId} className="field-error source-error">
              {path.error}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** Where to look for credentials the user already has. Reading happens in main, on Scan. */
export function ImportSourcesForm({ scanning, onScan }: ImportSourcesFormProps): ReactNode {
  const [environment, setEnvironment] = useState(true);
  const [dotenv, setDotenv] = useState(false);
  const [dotenvPath, setDotenvPath] = useState('');
  const [podstack, setPodstack] = useState(false);
  const [podstackPath, setPodstackPath] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found: Errors = {};
    if (!environment && !dotenv && !podstack) found.sources = 'Choose where to look.';
    if (dotenv && dotenvPath.trim() === '') found.dotenvPath = 'Enter the path of the .env file.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const sources: ImportSource[] = [];
    if (environment) sources.push({ kind: 'environment' });
    if (dotenv) sources.push({ kind: 'dotenv', path: dotenvPath.trim() });
    if (podstack) {
      const path = podstackPath.trim();
      // Without a path main reads the file the Podstack SDK reads.
      sources.push(
        path === '' ? { kind: 'podstack-credentials' } : { kind: 'podstack-credentials', path },
      );
    }
    onScan(sources);
  };

  return (
    <form noValidate className="form import-sources" onSubmit={submit}>
      <fieldset className="fieldset">
        <legend>Look for tokens in</legend>
        <SourceRow label="Environment variables" checked={environment} onCheck={setEnvironment} />
        <SourceRow
          label="A .env file"
          checked={dotenv}
          onCheck={setDotenv}
          path={{
            label: '.env path',
            value: dotenvPath,
            placeholder: '~/projects/app/.env',
            error: errors.dotenvPath,
            onChange: setDotenvPath,
          }}
        />
        <SourceRow
          label="Podstack credentials"
          checked={podstack}
          onCheck={setPodstack}
          path={{
            label: 'Credentials path',
            value: podstackPath,
            placeholder: podstackDefaultPath,
            error: undefined,
            onChange: setPodstackPath,
          }}
        />
        {errors.sources === undefined ? null : <p className="field-error">{errors.sources}</p>}
      </fieldset>
      <div className="scan-row">
        <p className="field-hint">
          Scanning only reads. Nothing is stored until you choose tokens and import them.
        </p>
        <button type="submit" disabled={scanning}>
          {scanning ? 'Scanning…' : 'Scan'}
        </button>
      </div>
    </form>
  );
}
