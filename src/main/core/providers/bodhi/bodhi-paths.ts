import type { Account } from '../../../../shared/model';

/** Bodhi's largest page: it clamps `page_size` to 100. */
export const BODHI_PAGE_SIZE = 100;

function root(account: Account): string {
  return account.baseUrl.replace(/\/+$/, '');
}

export function tokensUrl(account: Account): string {
  return `${root(account)}/bodhi/v1/tokens`;
}

export function tokensPageUrl(account: Account, page: number): string {
  return `${tokensUrl(account)}?page=${page}&page_size=${BODHI_PAGE_SIZE}`;
}

export function tokenUrl(account: Account, tokenId: string): string {
  return `${tokensUrl(account)}/${encodeURIComponent(tokenId)}`;
}

export function userInfoUrl(account: Account): string {
  return `${root(account)}/bodhi/v1/user`;
}

/** OpenAI-compatible model list: unlike the user info, it refuses a bad token with a reason. */
export function modelsUrl(account: Account): string {
  return `${root(account)}/v1/models`;
}

/** The "API Tokens" page of Bodhi's web UI. */
export function webTokensPage(account: Account): string {
  return `${root(account)}/ui/tokens/`;
}
