import type { RotationView, TokenInfo } from '../../../shared/model';
import { useStore, type StoreState } from '../store';
import { selectAccount, selectProviderOf } from '../store/selectors';
import { canRotate } from './rotation-ability';
import { tokenKey } from './token-key';

/** The unfinished rotation that replaces this token, or that this token came from. */
export function selectRotationOf(state: StoreState, token: TokenInfo): RotationView | undefined {
  return state.rotationByToken.get(tokenKey({ accountId: token.accountId, tokenId: token.id }));
}

export interface TokenRotation {
  /** A new rotation may start: the service allows it and none is unfinished for the token. */
  rotatable: boolean;
  active: RotationView | undefined;
}

export function useTokenRotation(token: TokenInfo): TokenRotation {
  const allowed = useStore((s) =>
    canRotate(token, selectAccount(s, token.accountId), selectProviderOf(s, token.accountId)),
  );
  const active = useStore((s) => selectRotationOf(s, token));
  return { rotatable: allowed && active === undefined, active };
}
