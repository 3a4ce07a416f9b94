import { AppError } from '../../../shared/errors';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * A service address the user typed, made safe to send credentials to: https only, except for
 * services on this computer (self-hosted Kestra or Bodhi on localhost); no embedded user info,
 * query or fragment; no trailing slash.
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError('VALIDATION', 'Enter a full address such as https://kestra.example.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('VALIDATION', 'The service address must start with https://.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new AppError(
      'VALIDATION',
      'Use an https:// address: TokenDesk sends credentials only over https, except to services on this computer (localhost).',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppError(
      'VALIDATION',
      'Remove the user name and password from the address; enter the credential in its own field.',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new AppError('VALIDATION', 'The service address must not contain ? or #.');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
