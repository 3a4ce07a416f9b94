/**
 * The headers GitLab sends with a throttled answer besides Retry-After ("Rate limits", GitLab
 * docs: RateLimit-Limit, -Name, -Observed, -Remaining, -Reset as a Unix time, -ResetTime as an
 * HTTP date). The limit is GitLab.com's authenticated API default.
 */
export function gitlabRateLimitHeaders(
  retryAfterSeconds: number,
  now: Date,
): Record<string, string> {
  const limit = 2000;
  const reset = new Date(now.getTime() + retryAfterSeconds * 1000);
  return {
    'ratelimit-name': 'throttle_authenticated_api',
    'ratelimit-limit': `${limit}`,
    'ratelimit-observed': `${limit + 1}`,
    'ratelimit-remaining': '0',
    'ratelimit-reset': `${Math.floor(reset.getTime() / 1000)}`,
    'ratelimit-resettime': reset.toUTCString(),
  };
}
