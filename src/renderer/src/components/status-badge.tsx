import type { ReactNode } from 'react';
import type { TokenStatus } from '../../../shared/model';

const labels: Record<TokenStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function StatusBadge({ status }: { status: TokenStatus }): ReactNode {
  return <span className={`badge badge-${status}`}>{labels[status]}</span>;
}
