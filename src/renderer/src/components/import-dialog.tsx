import { useState, type ReactNode } from 'react';
import type { ImportSource } from '../../../shared/model';
import { attempt } from '../lib/api';
import {
  importBatches,
  initialRows,
  rolesFor,
  rowProblem,
  type ImportResult,
  type ImportRow,
} from '../lib/import-plan';
import { useStore } from '../store';
import { ImportPreview } from './import-preview';
import { ImportSourcesForm } from './import-sources-form';
import { Modal } from './modal';

interface ScanState {
  rows: ImportRow[];
  problems: Array<{ source: string; message: string }>;
}

/**
 * Finds tokens the user already has and tracks the ones they pick. A scan stores nothing and
 * brings back only metadata (the secrets wait in main); "Import selected" is the one step
 * that keeps anything, after main has checked each secret against its service.
 */
export function ImportDialog(): ReactNode {
  const accounts = useStore((s) => s.accounts);
  const providers = useStore((s) => s.providers);
  const closeDialog = useStore((s) => s.closeDialog);
  const tokensAdded = useStore((s) => s.tokensAdded);

  const [scan, setScan] = useState<ScanState | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [importing, setImporting] = useState(false);
  const [results, setResults] = useState<Record<string, ImportResult>>({});
  const [rowProblems, setRowProblems] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  const runScan = async (sources: ImportSource[]): Promise<void> => {
    setScanning(true);
    setScanError(null);
    setSummary(null);
    setResults({});
    setRowProblems({});
    const outcome = await attempt((api) => api.import.scan({ sources }));
    setScanning(false);
    if (!outcome.ok) {
      setScan(null);
      setScanError(outcome.error.message);
      return;
    }
    setScan({
      rows: initialRows(outcome.value.candidates, accounts),
      problems: outcome.value.problems,
    });
  };

  const changeRow = (candidateId: string, patch: Partial<ImportRow>): void => {
    setScan((current) =>
      current === null
        ? current
        : {
            ...current,
            rows: current.rows.map((row) =>
              row.candidate.id === candidateId ? { ...row, ...patch } : row,
            ),
          },
    );
  };

  const runImport = async (rows: ImportRow[]): Promise<void> => {
    const problems: Record<string, string> = {};
    for (const row of rows) {
      if (!row.selected) continue;
      const problem = rowProblem(row, rolesFor(providers, row.candidate));
      if (problem !== null) problems[row.candidate.id] = problem;
    }
    setRowProblems(problems);
    if (Object.keys(problems).length > 0) return;
    const batches = importBatches(rows);
    if (batches.length === 0) return;

    setImporting(true);
    setSummary(null);
    const outcomes = await Promise.all(
      batches.map((batch) => attempt((api) => api.import.apply(batch))),
    );
    const next: Record<string, ImportResult> = {};
    batches.forEach((batch, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) return;
      if (!outcome.ok) {
        for (const item of batch.items) {
          next[item.candidateId] = { kind: 'failed', message: outcome.error.message };
        }
        return;
      }
      tokensAdded(outcome.value.imported);
      const failed = new Map(outcome.value.failed.map((f) => [f.candidateId, f.message]));
      for (const item of batch.items) {
        const message = failed.get(item.candidateId);
        next[item.candidateId] =
          message === undefined
            ? { kind: 'imported', tokenName: item.name }
            : { kind: 'failed', message };
      }
    });
    const importedCount = Object.values(next).filter((r) => r.kind === 'imported').length;
    setResults((current) => ({ ...current, ...next }));
    // An imported row is done: unchecked, so importing again cannot send it twice.
    setScan((current) =>
      current === null
        ? current
        : {
            ...current,
            rows: current.rows.map((row) => {
              const result = next[row.candidate.id];
              return result !== undefined && result.kind === 'imported'
                ? { ...row, selected: false }
                : row;
            }),
          },
    );
    setSummary(`Imported ${importedCount} of ${Object.keys(next).length}.`);
    setImporting(false);
  };

  const selectedCount = scan === null ? 0 : scan.rows.filter((r) => r.selected).length;

  return (
    <Modal label="Import tokens" onClose={closeDialog} size="wide">
      <h2 className="modal-title">Import tokens</h2>
      <ImportSourcesForm scanning={scanning} onScan={(sources) => void runScan(sources)} />
      {scanError === null ? null : (
        <p role="alert" className="form-error">
          {scanError}
        </p>
      )}
      {scan === null ? null : (
        <>
          {scan.problems.length === 0 ? null : (
            <div role="alert" className="form-error" data-testid="import-problems">
              <ul className="plain-list">
                {scan.problems.map((problem) => (
                  <li key={problem.source}>
                    <strong>{problem.source}:</strong> {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {scan.rows.length === 0 ? (
            <p className="muted" data-testid="import-nothing-found">
              No tokens found there.
            </p>
          ) : (
            <ImportPreview
              rows={scan.rows}
              accounts={accounts}
              providers={providers}
              results={results}
              rowProblems={rowProblems}
              disabled={importing}
              onChange={changeRow}
            />
          )}
        </>
      )}
      <div role="status" className="import-summary">
        {summary}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={closeDialog}>
          Close
        </button>
        {scan === null || scan.rows.length === 0 ? null : (
          <button
            type="button"
            className="primary"
            disabled={importing || selectedCount === 0}
            onClick={() => void runImport(scan.rows)}
          >
            {importing ? 'Importing…' : 'Import selected'}
          </button>
        )}
      </div>
    </Modal>
  );
}
