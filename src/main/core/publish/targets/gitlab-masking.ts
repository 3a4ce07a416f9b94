import { AppError } from '../../../../shared/errors';

/**
 * GitLab's rule for masking a variable that is expanded (not `raw`), Ci::Maskable::REGEX: at
 * least 8 characters from the Base64 alphabet plus `@ : . ~ -`. GitLab would refuse anything
 * else with a bare "value is invalid".
 */
export const GITLAB_MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;

export const MASKING_RULE =
  'GitLab masks only values of at least 8 characters made of letters, digits and _ + = / @ : . ~ -';

/** Checked before any call, so a refused value changes nothing at GitLab. */
export function requireMaskable(secret: string, key: string): void {
  if (GITLAB_MASKABLE.test(secret)) return;
  // Which characters fail is not said: they are part of the secret.
  const why =
    secret.length < 8 ? 'it is shorter than 8 characters' : 'it contains other characters';
  throw new AppError(
    'VALIDATION',
    `GitLab cannot mask ${key} with this token's secret: ${why}. ${MASKING_RULE}. Turn off "masked" for this target, or publish a token GitLab can mask.`,
  );
}
