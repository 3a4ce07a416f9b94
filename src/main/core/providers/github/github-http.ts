import type { HttpClient, HttpRequest, HttpResponse } from '../../http/http-client.types';

export const GITHUB_SERVICE = 'GitHub';
/** The REST API version TokenDesk is written against (GitHub's dated versioning). */
export const GITHUB_API_VERSION = '2022-11-28';

export type GithubCall = Omit<HttpRequest, 'service' | 'headers' | 'secrets'>;

/** A REST call with GitHub's recommended headers; `secrets` are redacted from any error. */
export function githubRequest(
  http: HttpClient,
  token: string,
  call: GithubCall,
  secrets: readonly string[] = [],
): Promise<HttpResponse> {
  return http.request({
    ...call,
    service: GITHUB_SERVICE,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': GITHUB_API_VERSION,
    },
    secrets: [token, ...secrets],
  });
}

/** `{base}/{segments…}` with every segment URL-encoded. */
export function githubUrl(apiBaseUrl: string, ...segments: string[]): string {
  return [apiBaseUrl.replace(/\/+$/, ''), ...segments.map(encodeURIComponent)].join('/');
}
