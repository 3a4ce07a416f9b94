import type { AuditEntry } from '../audit/audit-log';
import type { RotationPorts } from './rotation-deps';

/**
 * Appends to the audit log without letting a full disk stop a rotation half way: the journal
 * is what keeps the user's tokens safe, the audit trail only explains. A failed append is logged.
 */
export async function auditRotation(
  deps: Pick<RotationPorts, 'audit' | 'log'>,
  entry: AuditEntry,
): Promise<void> {
  try {
    await deps.audit.append(entry);
  } catch (error) {
    deps.log.warn('could not append to the audit log', { action: entry.action, error });
  }
}
