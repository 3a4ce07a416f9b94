import { useEffect, useState, type ReactNode } from 'react';
import type { AuditGroup, AuditRow } from '../../../shared/attention-model';
import { attempt } from '../lib/api';
import { tokenKey } from '../lib/token-key';
import { useStore } from '../store';
import { RelativeTime } from './relative-time';

function finding(row: AuditRow): string {
  if (row.finding === 'never-used') {
    return row.days === null ? 'Never used' : `Never used (created ${row.days} days ago)`;
  }
  return `Idle for ${row.days ?? '?'} days`;
}

function LastActivity({ row }: { row: AuditRow }): ReactNode {
  if (row.lastActivitySource === 'verified') {
    return (
      <span className="muted">
        checked <RelativeTime iso={row.lastActivityAt} missingText="—" />
      </span>
    );
  }
  return <RelativeTime iso={row.lastActivityAt} missingText="Never" />;
}

/** Never-used and idle tokens per account and project, with a bulk revoke of the chosen ones. */
export function AuditView(): ReactNode {
  const audit = useStore((s) => s.audit);
  const loadAudit = useStore((s) => s.loadAudit);
  const revokeMany = useStore((s) => s.revokeMany);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);

  useEffect(() => {
    void attempt(() => loadAudit());
  }, [loadAudit]);

  if (audit === null) return <p className="view-loading">Checking your tokens…</p>;

  const rows = audit.flatMap((group) => group.rows);
  const chosen = rows.filter((row) => selected.has(tokenKey(row)));
  const toggle = (row: AuditRow): void =>
    setSelected((current) => {
      const next = new Set(current);
      const key = tokenKey(row);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const revoke = async (): Promise<void> => {
    setRevoking(true);
    await revokeMany(chosen.map((row) => ({ ...row, name: row.tokenName })));
    setRevoking(false);
    setConfirming(false);
    setSelected(new Set());
  };

  return (
    <section className="audit-view" aria-labelledby="audit-title">
      <h1 id="audit-title" className="view-title">
        Last-used audit
      </h1>
      <p className="muted">
        Tokens never used, or not used for longer than the account&apos;s idle rule. Where a service
        reports no use, TokenDesk&apos;s last successful check counts instead.
      </p>
      <div className="audit-actions" role="group" aria-label="Bulk actions">
        {confirming ? (
          <>
            <span>
              Revoke {chosen.length} {chosen.length === 1 ? 'token' : 'tokens'}? Whatever uses them
              stops working.
            </span>
            <button
              type="button"
              className="small danger"
              disabled={revoking}
              onClick={() => void revoke()}
            >
              {revoking ? 'Revoking…' : 'Revoke'}
            </button>
            <button type="button" className="small quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="small danger-quiet"
            disabled={chosen.length === 0}
            onClick={() => setConfirming(true)}
          >
            Revoke selected ({chosen.length})
          </button>
        )}
      </div>
      {audit.length === 0 ? (
        <p data-testid="audit-empty">Every token has been used recently.</p>
      ) : (
        audit.map((group) => (
          <AuditGroupTable
            key={`${group.accountId}/${group.project ?? ''}`}
            group={group}
            isSelected={(row) => selected.has(tokenKey(row))}
            onToggle={toggle}
          />
        ))
      )}
    </section>
  );
}

function AuditGroupTable({
  group,
  isSelected,
  onToggle,
}: {
  group: AuditGroup;
  isSelected: (row: AuditRow) => boolean;
  onToggle: (row: AuditRow) => void;
}): ReactNode {
  const title =
    group.project === null ? group.accountLabel : `${group.accountLabel} · ${group.project}`;
  return (
    <table className="token-table audit-table" data-testid="audit-group" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Select</span>
          </th>
          <th scope="col">Name</th>
          <th scope="col">Finding</th>
          <th scope="col">Last used</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {group.rows.map((row) => (
          <tr
            key={row.tokenId}
            data-testid="audit-row"
            data-token-id={row.tokenId}
            data-finding={row.finding}
          >
            <td>
              {row.canRevoke ? (
                <input
                  type="checkbox"
                  aria-label={`Select ${row.tokenName}`}
                  checked={isSelected(row)}
                  onChange={() => onToggle(row)}
                />
              ) : null}
            </td>
            <td>{row.tokenName}</td>
            <td>{finding(row)}</td>
            <td>
              <LastActivity row={row} />
            </td>
            <td>
              <RelativeTime iso={row.createdAt} missingText="—" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
