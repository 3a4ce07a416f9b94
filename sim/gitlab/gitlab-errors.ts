/**
 * GitLab's error bodies differ by layer, and clients see them all, so the simulator keeps each
 * one's shape: Grape's `{message}` helpers, Grape's parameter validation `{error}`, and
 * rack-oauth2's `{error, error_description}` for token problems (lib/api/api_guard.rb).
 */
export class GitlabError extends Error {
  override readonly name = 'GitlabError';

  constructor(
    readonly status: number,
    readonly body: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${JSON.stringify(body)}`);
  }
}

function bearerError(status: number, error: string, description: string): GitlabError {
  return new GitlabError(
    status,
    { error, error_description: description },
    { 'www-authenticate': `Bearer realm="", error="${error}", error_description="${description}"` },
  );
}

/** No token, an unknown one, or (for non-admins) someone else's token: GitLab's `unauthorized!`. */
export function unauthorized(): GitlabError {
  return new GitlabError(401, { message: '401 Unauthorized' });
}

export function tokenExpired(): GitlabError {
  return bearerError(
    401,
    'invalid_token',
    'Token is expired. You can either do re-authorization or token refresh.',
  );
}

export function tokenRevoked(): GitlabError {
  return bearerError(
    401,
    'invalid_token',
    'Token was revoked. You have to re-authorize from the user.',
  );
}

/** The token is valid but lacks every scope the endpoint accepts. */
export function insufficientScope(accepted: readonly string[]): GitlabError {
  return new GitlabError(403, {
    error: 'insufficient_scope',
    error_description: 'The request requires higher privileges than provided by the access token.',
    scope: accepted.join(' '),
  });
}

/** `forbidden!`, e.g. `authenticated_as_admin!` for a non-admin. */
export function forbidden(): GitlabError {
  return new GitlabError(403, { message: '403 Forbidden' });
}

/** Grape's `bad_request!(reason)`: a service refused the change. */
export function badRequest(reason?: string): GitlabError {
  return new GitlabError(400, {
    message: reason === undefined ? '400 Bad request' : `400 Bad request - ${reason}`,
  });
}

/** Grape's parameter validation: `{"error":"name is missing, scopes is missing"}`. */
export function paramErrors(messages: readonly string[]): GitlabError {
  return new GitlabError(400, { error: messages.join(', ') });
}

export function invalidParam(
  name: string,
  why: 'is invalid' | 'is missing' | 'does not have a valid value' = 'is invalid',
): GitlabError {
  return paramErrors([`${name} ${why}`]);
}

/** `not_found!(resource)`: "404 Project Not Found"; without a resource "404 Not found". */
export function notFound(resource?: string): GitlabError {
  return new GitlabError(404, {
    message: resource === undefined ? '404 Not found' : `404 ${resource} Not Found`,
  });
}
