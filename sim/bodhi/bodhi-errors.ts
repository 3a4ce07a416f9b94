/**
 * Bodhi answers every error in one OpenAI-style envelope, `{error: {message, type, code}}`,
 * where `type` follows from the status (errmeta's ErrorType) and `code` is
 * `<error enum>-<variant>` in snake case.
 */
const TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'forbidden_error',
  404: 'not_found_error',
};

export class BodhiError extends Error {
  override readonly name = 'BodhiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  get body(): { error: { message: string; type: string; code: string } } {
    return {
      error: {
        message: this.message,
        type: TYPES[this.status] ?? 'unknown_error',
        code: this.code,
      },
    };
  }
}

/** No usable session and no bearer token on a protected route (AuthError::InvalidAccess). */
export function invalidAccess(): BodhiError {
  return new BodhiError(401, 'auth_error-invalid_access', 'Access denied.');
}

/** The session's login can no longer be refreshed (AuthError::RefreshTokenNotFound). */
export function sessionExpired(): BodhiError {
  return new BodhiError(
    401,
    'auth_error-refresh_token_not_found',
    'Session expired. Please log out and log in again.',
  );
}

/** A bearer value that is not a valid token: malformed, bad checksum, unknown or wrong hash. */
export function invalidToken(reason: string): BodhiError {
  return new BodhiError(401, 'token_error-invalid_token', `Invalid token: ${reason}.`);
}

export function tokenInactive(): BodhiError {
  return new BodhiError(401, 'auth_error-token_inactive', 'API token is inactive.');
}

/** The simulator's password login (Bodhi itself logs in through OAuth) was refused. */
export function badCredentials(): BodhiError {
  return new BodhiError(401, 'login_error-invalid_credentials', 'Invalid username or password.');
}

/** A valid API token on a session-only route, as the middleware's code answers it. */
export function missingAuth(): BodhiError {
  return new BodhiError(
    401,
    'api_auth_error-missing_auth',
    'Authentication required. Provide an API key or log in.',
  );
}

/** A role below the route's, or (as documented) an API token on a session-only route. */
export function forbidden(): BodhiError {
  return new BodhiError(
    403,
    'api_auth_error-forbidden',
    'Insufficient permissions for this resource.',
  );
}

export function tokenNotFound(): BodhiError {
  return new BodhiError(404, 'entity_error-not_found', 'Token not found');
}

/** A body that does not deserialize into the request type. */
export function badJson(detail: string): BodhiError {
  return new BodhiError(
    400,
    'json_rejection_error',
    `Failed to deserialize the JSON body into the target type: ${detail}`,
  );
}

/** A body that deserializes but breaks a field rule (validator). */
export function invalidField(detail: string): BodhiError {
  return new BodhiError(400, 'validation_errors', detail);
}
