import type {
  TeraswitchErrorResponse,
  TeraswitchListResponse,
  TeraswitchListMetadata,
} from './teraswitch.types';

/**
 * A refusal in TeraSwitch's response envelope. The v2 OpenAPI documents 400, 401 and 403 answers
 * with the same `…ApiResponse` schema as successes, so errors carry `success: false` and a
 * `message`; the wording of the messages is the simulator's own.
 */
export class TeraswitchApiError extends Error {
  override readonly name = 'TeraswitchApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly validationErrors: string[] | null = null,
  ) {
    super(message);
  }

  get body(): TeraswitchErrorResponse {
    return {
      success: false,
      message: this.message,
      validationErrors: this.validationErrors,
      result: null,
    };
  }
}

export function listResponse<T>(
  items: readonly T[],
  page: { limit: number; skip: number },
): TeraswitchListResponse<T> {
  const metadata: TeraswitchListMetadata = {
    totalCount: items.length,
    limit: page.limit,
    skip: page.skip,
  };
  return {
    success: true,
    message: null,
    metadata,
    result: items.slice(page.skip, page.skip + page.limit),
  };
}

export function missingCredential(): TeraswitchApiError {
  return new TeraswitchApiError(401, 'Authorization header with a Bearer API token is required');
}

/** Unknown id, wrong secret, revoked, or not `tokenId:secret`: one answer for all. */
export function invalidCredential(): TeraswitchApiError {
  return new TeraswitchApiError(401, 'Invalid API token');
}

export function inactiveToken(): TeraswitchApiError {
  return new TeraswitchApiError(401, 'API token is inactive');
}

export function roleDenied(role: string): TeraswitchApiError {
  return new TeraswitchApiError(403, `An API token with the ${role} role may not do this`);
}

export function projectDenied(): TeraswitchApiError {
  return new TeraswitchApiError(403, 'The API token is not scoped to this project');
}
