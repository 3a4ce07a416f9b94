import { randomBytes } from 'node:crypto';
import type { PodstackErrorBody } from './podstack.types';

/**
 * An API error in the terms of the Podstack SDK's exceptions, whose attributes are `message`,
 * `code`, `status_code`, `details` and `request_id` (docs: sdk/error-handling). The wire shape
 * is not documented; a flat object with those attributes keeps `message` where the framework's
 * own errors (404, 429) put it too.
 */
export class PodstackApiError extends Error {
  override readonly name = 'PodstackApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get body(): PodstackErrorBody {
    return {
      code: this.code,
      message: this.message,
      status_code: this.status,
      request_id: `req_${randomBytes(8).toString('hex')}`,
      details: this.details,
    };
  }
}

/** AuthenticationError: "No API token provided". */
export function missingToken(): PodstackApiError {
  return new PodstackApiError(401, 'authentication_error', 'No API token provided');
}

/**
 * AuthenticationError for an unknown, revoked or expired token. One message for all three, as
 * the SDK docs word it, so the answer does not tell an attacker which tokens once existed.
 */
export function invalidToken(): PodstackApiError {
  return new PodstackApiError(401, 'authentication_error', 'Invalid or expired API token');
}

/** PermissionError: the project is not one of the token's account ("different project"). */
export function projectDenied(projectId: string): PodstackApiError {
  return new PodstackApiError(403, 'permission_error', 'Access denied to resource', {
    resource_type: 'project',
    resource_id: projectId,
  });
}
