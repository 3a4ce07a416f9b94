import type { Account } from '../../../../shared/model';
import { versionedApiRoot } from '../api-root';

/** `https://gitlab.example.com/api/v4`, whether the user typed the host or the API address. */
export function apiRoot(account: Account): string {
  return versionedApiRoot(account.baseUrl, 'api/v4');
}

/** The instance's web address, for links to its token pages. */
export function webRoot(account: Account): string {
  return apiRoot(account).replace(/\/api\/v4$/i, '');
}

export function selfUrl(account: Account): string {
  return `${apiRoot(account)}/personal_access_tokens/self`;
}

export function personalTokensUrl(account: Account): string {
  return `${apiRoot(account)}/personal_access_tokens`;
}

export function personalTokenUrl(account: Account, tokenId: string): string {
  return `${personalTokensUrl(account)}/${encodeURIComponent(tokenId)}`;
}

/** Administrators create personal tokens for a user here. */
export function userTokensUrl(account: Account, userId: number): string {
  return `${apiRoot(account)}/users/${userId}/personal_access_tokens`;
}

/** GitLab takes a project path with its slashes encoded as one path segment. */
export function projectTokensUrl(account: Account, project: string): string {
  return `${apiRoot(account)}/projects/${encodeURIComponent(project)}/access_tokens`;
}

export function projectTokenUrl(account: Account, project: string, tokenId: string): string {
  return `${projectTokensUrl(account, project)}/${encodeURIComponent(tokenId)}`;
}

/** A list URL with GitLab's filters and offset pagination. */
export function withQuery(url: string, query: Record<string, string | number>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return `${url}?${params.toString()}`;
}
