import type { Capabilities } from '../../../shared/model';
import type { ServiceToken } from '../providers/provider-adapter';

/** `r` + the first 8 hex digits of the rotation id: short enough for any name rule we know. */
export function markerOf(rotationId: string): string {
  return `r${rotationId.replace(/-/g, '').slice(0, 8).toLowerCase()}`;
}

/** A marker a previous rotation left at the end of the name; stripped so names do not grow. */
const TRAILING_MARKER = /-r[0-9a-f]{8}$/;
const DESCRIPTION_NOTE = (marker: string): string => `(TokenDesk rotation ${marker})`;
const MAX_NAME = 63;

export interface MarkedNaming {
  name: string;
  description: string | null;
}

/**
 * The new token's name and description, carrying the marker: in the name where the service's
 * name rule allows `<name>-<marker>`, otherwise in the description. Where neither can carry it
 * (a strict name rule and no description), the name stays the old one and recovery relies on the
 * journaled token id and the list of ids known at the start.
 */
export function markedNaming(
  oldName: string,
  oldDescription: string | null,
  marker: string,
  capabilities: Capabilities,
): MarkedNaming {
  const base = oldName.replace(TRAILING_MARKER, '');
  const suffix = `-${marker}`;
  // Cut to fit, without leaving a dangling separator (`ci--r…` breaks kebab-case rules).
  const cut = base.slice(0, Math.max(1, MAX_NAME - suffix.length)).replace(/[-_.\s]+$/, '');
  const name = `${cut}${suffix}`;
  const rule = capabilities.nameRule;
  if (rule === null || new RegExp(rule.pattern).test(name)) {
    return { name, description: oldDescription };
  }
  if (capabilities.description) {
    const note = DESCRIPTION_NOTE(marker);
    const cleaned = (oldDescription ?? '').replace(/\s*\(TokenDesk rotation r[0-9a-f]{8}\)$/, '');
    return { name: oldName, description: cleaned === '' ? note : `${cleaned} ${note}` };
  }
  return { name: oldName, description: oldDescription };
}

/** Whether a listed token is the one this rotation created (or started to create). */
export function carriesMarker(token: ServiceToken, marker: string): boolean {
  if (token.name.endsWith(`-${marker}`)) return true;
  return token.description !== null && token.description.includes(DESCRIPTION_NOTE(marker));
}
