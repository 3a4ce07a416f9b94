import type { ReactNode } from 'react';
import { describeKeptLifetime, keptLifetime } from '../../../shared/lifetime';
import type { TokenInfo } from '../../../shared/model';
import { canCreateReplacement } from '../lib/rotation-ability';
import { tokenKey } from '../lib/token-key';
import { useTokenRotation } from '../lib/use-token-rotation';
import { useStore } from '../store';
import { selectAccount, selectProviderOf } from '../store/selectors';
import type { MoreMenuItem } from './more-menu';

/**
 * Rotate in one click (the new token keeps the old one's lifetime, said in the tooltip); while a
 * rotation of the token is unfinished, the way back to it; where rotating cannot work, "Create
 * a replacement".
 */
export function RotateButton({ token }: { token: TokenInfo }): ReactNode {
  const { rotatable, active } = useTokenRotation(token);
  const ref = { accountId: token.accountId, tokenId: token.id };
  const starting = useStore((s) => s.startingRotations.has(tokenKey(ref)));
  const startRotation = useStore((s) => s.startRotation);
  const openDialog = useStore((s) => s.openDialog);
  const provider = useStore((s) => selectProviderOf(s, token.accountId));
  const replaceable = useStore((s) =>
    canCreateReplacement(token, selectAccount(s, token.accountId), provider),
  );

  // Main's lease says so even before this window has heard of the rotation (after a restart).
  const rotationId =
    active !== undefined
      ? active.rotationId
      : token.leasedBy === null
        ? null
        : token.leasedBy.rotationId;
  if (rotationId !== null) {
    return (
      <button
        type="button"
        className="small rotation-open"
        aria-label={`Show rotation of ${token.name}`}
        onClick={() => openDialog({ kind: 'rotation', rotationId })}
      >
        Rotating…
      </button>
    );
  }
  if (replaceable) {
    return (
      <button
        type="button"
        className="small"
        aria-label={`Create a replacement for ${token.name}`}
        onClick={() => openDialog({ kind: 'replace-token', ...ref, mode: 'replacement' })}
      >
        Create a replacement
      </button>
    );
  }
  if (!rotatable || provider === undefined) return null;
  return (
    <button
      type="button"
      className="small"
      aria-label={`Rotate ${token.name}`}
      title={describeKeptLifetime(
        keptLifetime(token, provider.capabilities, new Date()),
        provider.name,
      )}
      disabled={starting}
      onClick={() => void startRotation(ref, token.name)}
    >
      {starting ? 'Starting…' : 'Rotate'}
    </button>
  );
}

/** The More menu's way to rotate with a lifetime other than the old token's. */
export function useRotateWithLifetimeItem(token: TokenInfo): MoreMenuItem[] {
  const { rotatable } = useTokenRotation(token);
  const openDialog = useStore((s) => s.openDialog);
  if (!rotatable || token.source !== 'service') return [];
  return [
    {
      label: 'Rotate with another lifetime…',
      name: `Rotate ${token.name} with another lifetime`,
      onSelect: () =>
        openDialog({
          kind: 'replace-token',
          accountId: token.accountId,
          tokenId: token.id,
          mode: 'rotate',
        }),
    },
  ];
}
