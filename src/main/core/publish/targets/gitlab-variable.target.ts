import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http/http-client.types';
import { MASKING_RULE, requireMaskable } from './gitlab-masking';

export interface GitlabVariableTarget {
  project: string;
  key: string;
  masked: boolean;
  protected: boolean;
  environmentScope: string;
  apiBaseUrl: string;
}

export interface GitlabPublish {
  target: GitlabVariableTarget;
  secret: string;
  /** The GitLab token that authorizes the write (from the keychain). */
  credential: string;
  http: HttpClient;
}

const SERVICE = 'GitLab';
const VariableSchema = z.object({
  key: z.string(),
  value: z.string(),
  masked: z.boolean().optional(),
  protected: z.boolean().optional(),
  environment_scope: z.string().optional(),
});

type GitlabCall = Omit<HttpRequest, 'service' | 'headers' | 'secrets'>;

/**
 * Project CI/CD variable: PUT the value (404: it does not exist yet → POST it), then GET it back
 * and compare. The masking rule is checked first, so a value GitLab would refuse changes nothing.
 */
export async function publishToGitlabVariable(input: GitlabPublish): Promise<void> {
  const { target, secret } = input;
  if (target.masked) requireMaskable(secret, target.key);
  const call = async (request: GitlabCall): Promise<HttpResponse> => {
    try {
      return await input.http.request({
        ...request,
        service: SERVICE,
        headers: { 'private-token': input.credential },
        secrets: [input.credential, secret],
      });
    } catch (error) {
      throw explain(error, target);
    }
  };
  const fields = {
    value: secret,
    masked: target.masked,
    protected: target.protected,
    environment_scope: target.environmentScope,
  };

  // A full-value PUT is idempotent; the POST is not (a retried create would report "taken").
  const updated = await call({
    method: 'PUT',
    url: variableUrl(target),
    json: fields,
    retry: 'idempotent',
    acceptStatus: [400, 404],
  });
  if (updated.status === 400) throw refused(updated, target);
  if (updated.status === 404) {
    const created = await call({
      method: 'POST',
      url: variablesUrl(target),
      json: { key: target.key, variable_type: 'env_var', ...fields },
      retry: 'throttled',
      acceptStatus: [400, 404],
    });
    if (created.status === 404) throw missingProject(target);
    if (created.status === 400) throw refused(created, target);
  }

  const read = await call({
    method: 'GET',
    url: variableUrl(target),
    retry: 'idempotent',
    acceptStatus: [404],
  });
  const variable = read.status === 404 ? null : read.json(VariableSchema);
  if (variable === null || variable.value !== secret) {
    throw new AppError(
      'BAD_RESPONSE',
      `GitLab accepted ${describeGitlabTarget(target)}, but reading it back did not show the new value. Publish again to be sure.`,
    );
  }
}

export function describeGitlabTarget(target: GitlabVariableTarget): string {
  const scope = target.environmentScope === '*' ? '' : ` (environment ${target.environmentScope})`;
  return `the CI/CD variable ${target.key}${scope} of ${target.project}`;
}

/** `{instance}/api/v4`, whether the address was given with or without it. */
export function gitlabApiRoot(apiBaseUrl: string): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  return base.endsWith('/api/v4') ? base : `${base}/api/v4`;
}

function variablesUrl(target: GitlabVariableTarget): string {
  // A project path's slashes are part of one URL segment: group%2Fproject.
  return `${gitlabApiRoot(target.apiBaseUrl)}/projects/${encodeURIComponent(target.project)}/variables`;
}

export function variableUrl(target: GitlabVariableTarget): string {
  // The filter makes the key unambiguous when the project has it in several scopes.
  const filter = new URLSearchParams({ 'filter[environment_scope]': target.environmentScope });
  return `${variablesUrl(target)}/${encodeURIComponent(target.key)}?${filter.toString()}`;
}

function missingProject(target: GitlabVariableTarget): AppError {
  return new AppError(
    'NOT_FOUND',
    `GitLab has no project ${target.project} that the target's token can see. Check the project, or give the token's user access to it.`,
  );
}

/** GitLab's 400 carries field errors, e.g. `{"message":{"value":["is invalid"]}}`. */
function refused(response: HttpResponse, target: GitlabVariableTarget): AppError {
  const problems = fieldErrors(response.text);
  const valueRefused = problems.some((problem) => problem.startsWith('value '));
  const said = problems.length === 0 ? '' : ` It said: ${problems.join('; ')}.`;
  const advice = valueRefused && target.masked ? ` ${MASKING_RULE}.` : '';
  return new AppError(
    'REJECTED_BY_SERVICE',
    `GitLab refused ${describeGitlabTarget(target)} (HTTP 400).${said}${advice} Nothing was changed.`,
  );
}

/** "field message" pairs from GitLab's error body; the values themselves are never echoed. */
function fieldErrors(text: string): string[] {
  const Body = z.object({
    message: z.union([z.string(), z.record(z.string(), z.array(z.string()))]).optional(),
    error: z.string().optional(),
  });
  let body: z.infer<typeof Body>;
  try {
    body = Body.parse(JSON.parse(text));
  } catch {
    return [];
  }
  const messages: string[] = [];
  if (typeof body.message === 'string') messages.push(body.message);
  else if (body.message !== undefined) {
    for (const [field, errors] of Object.entries(body.message)) {
      for (const error of errors) messages.push(`${field} ${error}`);
    }
  }
  if (body.error !== undefined) messages.push(body.error);
  // Bounded and single-line: this goes to the user and the log.
  return messages.map((message) => message.replace(/\s+/g, ' ').slice(0, 200)).slice(0, 5);
}

function explain(error: unknown, target: GitlabVariableTarget): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === 'AUTH_FAILED') {
    return new AppError(
      'AUTH_FAILED',
      'GitLab refused the token this target uses to publish (HTTP 401): it is wrong, expired or revoked. Use a working GitLab token for this target.',
    );
  }
  if (error.code === 'FORBIDDEN') {
    return new AppError(
      'FORBIDDEN',
      `The GitLab token this target uses may not manage CI/CD variables of ${target.project} (HTTP 403). Its user needs the Maintainer role there, and the token the api scope.`,
    );
  }
  return error;
}
