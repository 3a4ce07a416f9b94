import type { AttentionFix, AttentionKind, AttentionReason } from '../../../shared/attention-model';

type Remedy = 'rotate' | 'revoke' | 'snooze' | 'set-reminder' | 'publish-again';

/** What helps with each reason; the token's own abilities decide what is offered. */
const remedies: Record<AttentionKind, Remedy[]> = {
  expired: ['rotate', 'revoke'],
  expiring: ['rotate', 'snooze'],
  'never-used': ['revoke', 'snooze'],
  idle: ['revoke', 'snooze'],
  'idle-deactivation': ['rotate', 'snooze'],
  reminder: ['rotate', 'set-reminder', 'snooze'],
  'no-reminder': ['set-reminder'],
  'rotation-due': ['rotate', 'snooze'],
  'used-after-rotation': ['revoke', 'snooze'],
  'works-after-rotation': ['revoke', 'snooze'],
  'target-drift': ['publish-again'],
  'target-dead': ['rotate'],
};

const order: AttentionFix[] = [
  'publish-again',
  'rotate',
  'revoke',
  'snooze-day',
  'snooze-week',
  'set-reminder',
];

export interface TokenAbilities {
  canRotate: boolean;
  canRevoke: boolean;
}

export function fixesFor(reasons: AttentionReason[], abilities: TokenAbilities): AttentionFix[] {
  const wanted = new Set<AttentionFix>();
  for (const remedy of reasons.flatMap((r) => remedies[r.kind])) {
    if (remedy === 'snooze') {
      wanted.add('snooze-day');
      wanted.add('snooze-week');
    } else if (remedy === 'rotate') {
      if (abilities.canRotate) wanted.add('rotate');
    } else if (remedy === 'revoke') {
      if (abilities.canRevoke) wanted.add('revoke');
    } else {
      wanted.add(remedy);
    }
  }
  return order.filter((fix) => wanted.has(fix));
}
