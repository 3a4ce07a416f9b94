/**
 * GitLab's error bodies as clients meet them: `{message: "404 Project Not Found"}` from the
 * helpers, `{message: {field: [errors]}}` from model validation, `{error: "x is missing"}` from
 * parameter validation.
 */
export class GitlabCiError extends Error {
  override readonly name = 'GitlabCiError';

  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(`${status} ${JSON.stringify(body)}`);
  }
}

export const unauthorized = (): GitlabCiError =>
  new GitlabCiError(401, { message: '401 Unauthorized' });
export const forbidden = (): GitlabCiError => new GitlabCiError(403, { message: '403 Forbidden' });
export const notFound = (resource: string): GitlabCiError =>
  new GitlabCiError(404, { message: `404 ${resource} Not Found` });
export const conflict = (message: string): GitlabCiError => new GitlabCiError(409, { message });
/** A model validation failure: `{"message":{"value":["is invalid"]}}`. */
export const invalidRecord = (errors: Record<string, string[]>): GitlabCiError =>
  new GitlabCiError(400, { message: errors });
export const missingParam = (name: string): GitlabCiError =>
  new GitlabCiError(400, { error: `${name} is missing` });
