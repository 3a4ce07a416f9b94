import { leaseReason } from '../../../shared/lease';
import type { Capabilities, TokenInfo } from '../../../shared/model';
import { useStore } from '../store';
import type { MoreMenuItem } from './more-menu';

/**
 * Rename and activate/deactivate, offered only where the service lets TokenDesk do them: a
 * managed account whose provider declares the capability. Tracked tokens of a guided account
 * are changed in the service's own page.
 */
export function useTokenEditItems(
  token: TokenInfo,
  capabilities: Capabilities | null,
  guided: boolean,
): MoreMenuItem[] {
  const openDialog = useStore((s) => s.openDialog);
  const setTokenStatus = useStore((s) => s.setTokenStatus);
  if (capabilities === null || guided || token.source !== 'service') return [];
  const ref = { accountId: token.accountId, tokenId: token.id };
  const items: MoreMenuItem[] = [];
  const leased = leasedItem(token);
  if (capabilities.rename) {
    items.push({
      ...leased,
      label: 'Rename',
      name: `Rename ${token.name}`,
      onSelect: () => openDialog({ kind: 'rename-token', ...ref }),
    });
  }
  // TokenDesk's own credential stays on: switching it off would lock TokenDesk out.
  if (capabilities.statusToggle && token.status === 'active' && !token.isManagementCredential) {
    items.push({
      ...leased,
      label: 'Deactivate',
      name: `Deactivate ${token.name}`,
      onSelect: () => void setTokenStatus(ref, token.name, 'inactive'),
    });
  }
  if (capabilities.statusToggle && token.status === 'inactive') {
    items.push({
      ...leased,
      label: 'Activate',
      name: `Activate ${token.name}`,
      onSelect: () => void setTokenStatus(ref, token.name, 'active'),
    });
  }
  return items;
}

/** While an unfinished rotation holds the token, its changes wait, and the item says why. */
export function leasedItem(token: TokenInfo): Pick<MoreMenuItem, 'disabledReason'> {
  return token.leasedBy === null ? {} : { disabledReason: leaseReason(token.leasedBy) };
}
