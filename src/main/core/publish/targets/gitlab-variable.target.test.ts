import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../http/http-client';
import {
  gitlabApiRoot,
  publishToGitlabVariable,
  type GitlabVariableTarget,
} from './gitlab-variable.target';
import { appErrorOf } from '../../providers/test-support/app-error-of';

const ORIGIN = 'https://gitlab.example.com';
const CREDENTIAL = 'glpat-credential-0123456789';
const SECRET = 'glpat-published-ABCdef123_';
const json = { headers: { 'content-type': 'application/json' } };
const VARIABLES = '/api/v4/projects/group%2Fapp/variables';
const FILTERED = `${VARIABLES}/DEPLOY_TOKEN?filter%5Benvironment_scope%5D=production`;

const target: GitlabVariableTarget = {
  project: 'group/app',
  key: 'DEPLOY_TOKEN',
  masked: true,
  protected: true,
  environmentScope: 'production',
  apiBaseUrl: ORIGIN,
};

let agent: MockAgent;

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  agent.enableCallHistory();
});

afterEach(async () => {
  await agent.close();
});

function publish(overrides: Partial<GitlabVariableTarget> = {}, secret = SECRET) {
  const http = createHttpClient({ dispatcher: agent, sleep: () => Promise.resolve() });
  return publishToGitlabVariable({
    target: { ...target, ...overrides },
    secret,
    credential: CREDENTIAL,
    http,
  });
}

const pool = () => agent.get(ORIGIN);
const record = (value: string) => ({
  key: 'DEPLOY_TOKEN',
  value,
  masked: true,
  protected: true,
  environment_scope: 'production',
});
const methods = () => (agent.getCallHistory()?.calls() ?? []).map((call) => call.method);

describe('publishToGitlabVariable', () => {
  it('updates an existing variable in its scope and reads the value back', async () => {
    pool()
      .intercept({
        path: FILTERED,
        method: 'PUT',
        headers: { 'private-token': CREDENTIAL },
        body: (text) => {
          expect(JSON.parse(text)).toEqual({
            value: SECRET,
            masked: true,
            protected: true,
            environment_scope: 'production',
          });
          return true;
        },
      })
      .reply(200, record(SECRET), json);
    pool().intercept({ path: FILTERED, method: 'GET' }).reply(200, record(SECRET), json);
    await publish();
    expect(methods()).toEqual(['PUT', 'GET']);
  });

  it('creates the variable with POST when PUT finds none (404)', async () => {
    pool()
      .intercept({ path: FILTERED, method: 'PUT' })
      .reply(404, { message: '404 Variable Not Found' }, json);
    pool()
      .intercept({
        path: VARIABLES,
        method: 'POST',
        body: (text) => {
          expect(JSON.parse(text)).toMatchObject({
            key: 'DEPLOY_TOKEN',
            value: SECRET,
            variable_type: 'env_var',
            environment_scope: 'production',
          });
          return true;
        },
      })
      .reply(201, record(SECRET), json);
    pool().intercept({ path: FILTERED, method: 'GET' }).reply(200, record(SECRET), json);
    await publish();
    expect(methods()).toEqual(['PUT', 'POST', 'GET']);
  });

  it('reports a missing project when the create finds no project either', async () => {
    pool()
      .intercept({ path: FILTERED, method: 'PUT' })
      .reply(404, { message: '404 Project Not Found' }, json);
    pool()
      .intercept({ path: VARIABLES, method: 'POST' })
      .reply(404, { message: '404 Project Not Found' }, json);
    const error = await appErrorOf(publish());
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('no project group/app');
  });

  it.each([
    ['shorter than 8 characters', 'x7Q2k'],
    ['a character GitLab cannot mask', 'abcdefgh!jkl'],
  ])('refuses to mask a secret %s before any call, without showing it', async (_case, secret) => {
    const error = await appErrorOf(publish({}, secret));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('GitLab cannot mask DEPLOY_TOKEN');
    expect(error.message).not.toContain(secret);
    expect(methods()).toEqual([]);
  });

  it('publishes any value when the variable is not masked', async () => {
    pool().intercept({ path: FILTERED, method: 'PUT' }).reply(200, record('short'), json);
    pool().intercept({ path: FILTERED, method: 'GET' }).reply(200, record('short'), json);
    await expect(publish({ masked: false }, 'short')).resolves.toBeUndefined();
  });

  it('maps GitLab’s own 400 field errors clearly', async () => {
    pool()
      .intercept({ path: FILTERED, method: 'PUT' })
      .reply(400, { message: { value: ['is invalid'] } }, json);
    const error = await appErrorOf(publish());
    expect(error.code).toBe('REJECTED_BY_SERVICE');
    expect(error.message).toContain('It said: value is invalid');
    expect(error.message).toContain('GitLab masks only values of at least 8 characters');
    expect(error.message).toContain('Nothing was changed');
  });

  it.each([
    [401, 'AUTH_FAILED', 'GitLab refused the token this target uses'],
    [403, 'FORBIDDEN', 'Maintainer'],
  ])('explains HTTP %i', async (status, code, text) => {
    pool()
      .intercept({ path: FILTERED, method: 'PUT' })
      .reply(status, { message: `${status}` }, json);
    const error = await appErrorOf(publish());
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('fails verification when the value read back differs', async () => {
    pool().intercept({ path: FILTERED, method: 'PUT' }).reply(200, record(SECRET), json);
    pool().intercept({ path: FILTERED, method: 'GET' }).reply(200, record('someone-else'), json);
    const error = await appErrorOf(publish());
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).not.toContain(SECRET);
  });
});

describe('gitlabApiRoot', () => {
  it('adds /api/v4 to an instance address, once', () => {
    expect(gitlabApiRoot('https://gitlab.com')).toBe('https://gitlab.com/api/v4');
    expect(gitlabApiRoot('https://git.corp/gitlab/api/v4/')).toBe('https://git.corp/gitlab/api/v4');
  });
});
