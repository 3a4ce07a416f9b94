/**
 * The versioned API root for an account's address. Users often paste the bare host their SDK or
 * CLI is configured with (PODSTACK_API_ENDPOINT=https://api.podstack.ai, TERASWITCH_DEV_API_URL),
 * while the routes live under a version segment; an address that names a version keeps it.
 */
export function versionedApiRoot(baseUrl: string, defaultVersion: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/v\d+$/i.test(new URL(trimmed).pathname) ? trimmed : `${trimmed}/${defaultVersion}`;
}
