import type { ReactNode } from 'react';
import type { TokenInfo } from '../../../shared/model';
import { tokenKey } from '../lib/token-key';
import { useTokenRotation } from '../lib/use-token-rotation';
import { useStore } from '../store';

/** Rotate in one click; while a rotation of the token is unfinished, the way back to it. */
export function RotateButton({ token }: { token: TokenInfo }): ReactNode {
  const { rotatable, active } = useTokenRotation(token);
  const ref = { accountId: token.accountId, tokenId: token.id };
  const starting = useStore((s) => s.startingRotations.has(tokenKey(ref)));
  const startRotation = useStore((s) => s.startRotation);
  const openDialog = useStore((s) => s.openDialog);

  if (active !== undefined) {
    return (
      <button
        type="button"
        className="small rotation-open"
        aria-label={`Show rotation of ${token.name}`}
        onClick={() => openDialog({ kind: 'rotation', rotationId: active.rotationId })}
      >
        Rotating…
      </button>
    );
  }
  if (!rotatable) return null;
  return (
    <button
      type="button"
      className="small"
      aria-label={`Rotate ${token.name}`}
      disabled={starting}
      onClick={() => void startRotation(ref, token.name)}
    >
      {starting ? 'Starting…' : 'Rotate'}
    </button>
  );
}
