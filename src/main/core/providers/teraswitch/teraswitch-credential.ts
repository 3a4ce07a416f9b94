import { AppError } from '../../../../shared/errors';

/** `Authorization: Bearer tokenId:secret` (v2 OpenAPI): what the portal shows once. */
const CREDENTIAL = /^([^:\s]+):(\S+)$/;
/**
 * The portal's Token Id column shows this many characters of the id, then an ellipsis. TokenDesk
 * keeps the characters only, so the prefix stays a part of the pasted value, as for every service.
 */
const PARTIAL_LENGTH = 8;

/** The Token Id as the portal shows it, or null when the text is not `tokenId:secret`. */
export function partialTokenIdOf(credential: string): string | null {
  const match = CREDENTIAL.exec(credential);
  const tokenId = match === null ? undefined : match[1];
  return tokenId === undefined ? null : tokenId.slice(0, PARTIAL_LENGTH);
}

export function requireCredentialShape(credential: string): void {
  if (!CREDENTIAL.test(credential)) {
    throw new AppError(
      'VALIDATION',
      'Paste the whole TeraSwitch token as the portal showed it: the Token Id, a colon, then the secret (tokenId:secret).',
    );
  }
}

/** Project ids are the integers the API's `ProjectId` parameters take. */
export function projectIdOf(project: string | null): number | null {
  if (project === null) return null;
  if (!/^\d{1,12}$/.test(project) || Number(project) === 0) {
    throw new AppError(
      'VALIDATION',
      `“${project}” is not a TeraSwitch project ID: it is the project's number, e.g. 4101.`,
    );
  }
  return Number(project);
}
