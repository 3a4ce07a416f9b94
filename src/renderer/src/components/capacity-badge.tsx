import type { ReactNode } from 'react';
import type { Capacity } from '../lib/capacity';

interface CapacityBadgeProps {
  capacity: Capacity;
  /** The spelled-out tip shown under the header when the account is full. */
  tipId: string;
}

/** "3 of 5 active tokens", turning to a warning at the service's limit. */
export function CapacityBadge({ capacity, tipId }: CapacityBadgeProps): ReactNode {
  return (
    <span
      data-testid="account-capacity"
      className={capacity.full ? 'capacity capacity-full' : 'capacity'}
      title={capacity.tip}
      aria-describedby={capacity.full ? tipId : undefined}
    >
      {capacity.text}
    </span>
  );
}
