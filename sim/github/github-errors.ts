/**
 * GitHub's error body: `{message, documentation_url, status}`. The simulator answers it as is
 * rather than the framework's bare `{message}`, so clients meet the shape they will in life.
 */
export class GithubError extends Error {
  override readonly name = 'GithubError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  body(): Record<string, string> {
    return {
      message: this.message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(this.status),
    };
  }
}

export const requiresAuthentication = (): GithubError =>
  new GithubError(401, 'Requires authentication');
export const badCredentials = (): GithubError => new GithubError(401, 'Bad credentials');
export const notFound = (): GithubError => new GithubError(404, 'Not Found');
/** What a token without the needed permission gets on the secrets API. */
export const notAccessible = (): GithubError =>
  new GithubError(403, 'Resource not accessible by personal access token');
export const unprocessable = (message: string): GithubError => new GithubError(422, message);
