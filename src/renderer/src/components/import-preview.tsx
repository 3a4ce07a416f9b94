import type { ReactNode } from 'react';
import type { Account, ProviderInfo } from '../../../shared/model';
import {
  importTargets,
  noTargetHint,
  rolesFor,
  type ImportResult,
  type ImportRow,
} from '../lib/import-plan';

interface ImportPreviewProps {
  rows: ImportRow[];
  accounts: Account[];
  providers: ProviderInfo[];
  results: Readonly<Record<string, ImportResult>>;
  /** Why a selected row cannot be imported yet, by candidate id. */
  rowProblems: Readonly<Record<string, string>>;
  disabled: boolean;
  onChange: (candidateId: string, patch: Partial<ImportRow>) => void;
}

function ResultCell({
  result,
  problem,
}: {
  result: ImportResult | undefined;
  problem: string | undefined;
}): ReactNode {
  if (result !== undefined) {
    return result.kind === 'imported' ? (
      <span data-testid="import-result" className="result-ok">
        Imported
      </span>
    ) : (
      <span data-testid="import-result" className="result-failed">
        Failed: {result.message}
      </span>
    );
  }
  return problem === undefined ? null : <span className="result-failed">{problem}</span>;
}

/** What a scan found, for the user to pick, name and place; only metadata, never a secret. */
export function ImportPreview({
  rows,
  accounts,
  providers,
  results,
  rowProblems,
  disabled,
  onChange,
}: ImportPreviewProps): ReactNode {
  const showRoles = rows.some((row) => rolesFor(providers, row.candidate).length > 0);
  return (
    <div className="import-preview">
      <table className="preview-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Import</span>
            </th>
            <th scope="col">Source</th>
            <th scope="col">Service</th>
            <th scope="col">Prefix</th>
            <th scope="col">Project</th>
            <th scope="col">Account</th>
            <th scope="col">Name</th>
            {showRoles ? <th scope="col">Role</th> : null}
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { candidate } = row;
            const targets = importTargets(accounts, candidate);
            const roles = rolesFor(providers, candidate);
            const result = results[candidate.id];
            const imported = result !== undefined && result.kind === 'imported';
            const locked = disabled || imported || targets.length === 0;
            const provider = providers.find((p) => p.kind === candidate.provider);
            const service = provider === undefined ? candidate.provider : provider.name;
            return (
              <tr key={candidate.id} data-testid="import-row" data-candidate-id={candidate.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Import ${candidate.source}`}
                    checked={row.selected}
                    disabled={locked}
                    onChange={(e) => onChange(candidate.id, { selected: e.target.checked })}
                  />
                </td>
                <td className="preview-source">
                  <span className="mono">{candidate.source}</span>
                  {candidate.alreadyTracked ? (
                    <span className="tag" data-testid="already-tracked">
                      already tracked
                    </span>
                  ) : null}
                </td>
                <td>{service}</td>
                <td className="mono">{candidate.prefix ?? '—'}</td>
                <td>{candidate.project ?? '—'}</td>
                <td>
                  {targets.length === 0 ? (
                    <span className="field-hint">{noTargetHint(provider, service)}</span>
                  ) : (
                    <select
                      aria-label={`Account for ${candidate.source}`}
                      value={row.accountId}
                      disabled={disabled || imported}
                      onChange={(e) => onChange(candidate.id, { accountId: e.target.value })}
                    >
                      {targets.map((account) => (
                        <option key={account.id} value={account.id}>
                          {account.label}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Name for ${candidate.source}`}
                    autoComplete="off"
                    spellCheck={false}
                    value={row.name}
                    disabled={locked}
                    onChange={(e) => onChange(candidate.id, { name: e.target.value })}
                  />
                </td>
                {showRoles ? (
                  <td>
                    {roles.length === 0 ? null : (
                      <select
                        aria-label={`Role for ${candidate.source}`}
                        value={row.role}
                        disabled={disabled || imported}
                        onChange={(e) => onChange(candidate.id, { role: e.target.value })}
                      >
                        <option value="">Choose…</option>
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                ) : null}
                <td className="preview-result">
                  <ResultCell result={result} problem={rowProblems[candidate.id]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
