import type { RotationRecoveredNotice } from '../../../shared/model';

const holdsWords: Record<RotationRecoveredNotice['targets'][number]['holds'], string> = {
  new: 'has the new secret',
  old: 'has the old secret',
  unknown: 'may not hold a working secret: publish to it again',
};

/** One sentence per fact: what became of the token, then what each target holds now. */
export function describeRotationRecovery(notice: RotationRecoveredNotice): string {
  const token = `“${notice.tokenName}” (${notice.accountLabel})`;
  const outcome = {
    rotated: `TokenDesk finished the rotation of ${token} that was cut off when it last stopped.`,
    undone: `TokenDesk undid the rotation of ${token} that was cut off when it last stopped: the old token is current again.`,
    'revoke-pending': `TokenDesk resumed the rotation of ${token}: the new token is current, but the old one is still to be revoked (retry it in Rotations).`,
    'needs-you': `TokenDesk resumed the rotation of ${token}, and it needs you.`,
  }[notice.outcome];
  const detail = notice.detail === null ? '' : ` ${notice.detail}`;
  const targets = notice.targets.map((t) => ` ${t.target} ${holdsWords[t.holds]}.`).join('');
  return `${outcome}${detail}${targets}`;
}
