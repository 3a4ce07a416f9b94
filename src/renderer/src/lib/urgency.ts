import type { AttentionKind, Urgency } from '../../../shared/attention-model';

export const urgencyLabels: Record<Urgency, string> = {
  critical: 'Urgent',
  high: 'Soon',
  medium: 'Check',
  low: 'Tip',
};

/** The few words a row badge has room for. */
export const kindLabels: Record<AttentionKind, string> = {
  expired: 'Expired',
  expiring: 'Expires soon',
  'never-used': 'Never used',
  idle: 'Idle',
  'idle-deactivation': 'Idle: will be switched off',
  reminder: 'Reminder due',
  'no-reminder': 'No reminder',
  'rotation-due': 'Rotation due',
  'used-after-rotation': 'Still used after rotation',
  'works-after-rotation': 'Still works after rotation',
  'target-drift': 'CI target out of date',
  'target-dead': 'CI target holds a dead token',
};
