import sodium from 'libsodium-wrappers';
import { MockAgent } from 'undici';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../http/http-client';
import { publishToGithubActions, type GithubActionsTarget } from './github-actions.target';
import { appErrorOf } from '../../providers/test-support/app-error-of';

const ORIGIN = 'https://api.github.com';
const CREDENTIAL = 'ghp_credentialAAAAAAAAAAAAAAAAAAAAAAAAAA';
const SECRET = 'kst_9fQzR2wXyL7mN3vB8cD1eH4jK6tP0sAa';
const NOW = new Date('2025-06-01T12:00:00.500Z');
const json = { headers: { 'content-type': 'application/json' } };

const repoTarget: GithubActionsTarget = {
  repository: 'octo/app',
  environment: null,
  secretName: 'API_TOKEN',
  apiBaseUrl: ORIGIN,
};
const envTarget: GithubActionsTarget = { ...repoTarget, environment: 'prod eu' };

let agent: MockAgent;
let keys: { publicKey: Uint8Array; privateKey: Uint8Array };

beforeAll(async () => {
  await sodium.ready;
  keys = sodium.crypto_box_keypair();
});

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  agent.enableCallHistory();
});

afterEach(async () => {
  await agent.close();
});

function publish(target: GithubActionsTarget) {
  const http = createHttpClient({ dispatcher: agent, sleep: () => Promise.resolve() });
  return publishToGithubActions({
    target,
    secret: SECRET,
    credential: CREDENTIAL,
    http,
    clock: { now: () => NOW },
  });
}

function pool() {
  return agent.get(ORIGIN);
}

function replyPublicKey(path: string) {
  pool()
    .intercept({ path, method: 'GET' })
    .reply(
      200,
      {
        key_id: '568250167242549743',
        key: sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL),
      },
      json,
    );
}

function replyMetadata(path: string, updatedAt: string | null) {
  const interceptor = pool().intercept({ path, method: 'GET' });
  if (updatedAt === null) interceptor.reply(404, { message: 'Not Found' }, json);
  else
    interceptor.reply(
      200,
      { name: 'API_TOKEN', created_at: '2025-01-01T00:00:00Z', updated_at: updatedAt },
      json,
    );
}

/** Captures the PUT body and checks that it opens, with the private key, to the secret. */
function expectSealedPut(path: string, status = 201) {
  const seen: { value: string | null } = { value: null };
  pool()
    .intercept({
      path,
      method: 'PUT',
      headers: {
        authorization: `Bearer ${CREDENTIAL}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
      },
      body: (text) => {
        const body = JSON.parse(text) as { encrypted_value: string; key_id: string };
        expect(body.key_id).toBe('568250167242549743');
        const opened = sodium.crypto_box_seal_open(
          sodium.from_base64(body.encrypted_value, sodium.base64_variants.ORIGINAL),
          keys.publicKey,
          keys.privateKey,
        );
        seen.value = sodium.to_string(opened);
        return true;
      },
    })
    .reply(status, '');
  return seen;
}

describe('publishToGithubActions', () => {
  const base = '/repos/octo/app/actions/secrets';

  it('seals the secret to the repository key, PUTs it and proves the write by updated_at', async () => {
    replyPublicKey(`${base}/public-key`);
    replyMetadata(`${base}/API_TOKEN`, null);
    const put = expectSealedPut(`${base}/API_TOKEN`);
    replyMetadata(`${base}/API_TOKEN`, '2025-06-01T12:00:00Z');
    await publish(repoTarget);
    expect(put.value).toBe(SECRET);
  });

  it('uses the environment’s own path, with the name URL-encoded', async () => {
    const envBase = '/repos/octo/app/environments/prod%20eu/secrets';
    replyPublicKey(`${envBase}/public-key`);
    replyMetadata(`${envBase}/API_TOKEN`, '2025-05-01T00:00:00Z');
    const put = expectSealedPut(`${envBase}/API_TOKEN`, 204);
    replyMetadata(`${envBase}/API_TOKEN`, '2025-06-01T12:00:00Z');
    await publish(envTarget);
    expect(put.value).toBe(SECRET);
  });

  it('accepts an unchanged updated_at only if it is not older than the publish start (one-second resolution)', async () => {
    replyPublicKey(`${base}/public-key`);
    replyMetadata(`${base}/API_TOKEN`, '2025-06-01T12:00:00Z');
    expectSealedPut(`${base}/API_TOKEN`, 204);
    replyMetadata(`${base}/API_TOKEN`, '2025-06-01T12:00:00Z');
    await expect(publish(repoTarget)).resolves.toBeUndefined();
  });

  it('fails verification when updated_at did not move', async () => {
    replyPublicKey(`${base}/public-key`);
    replyMetadata(`${base}/API_TOKEN`, '2025-05-01T00:00:00Z');
    expectSealedPut(`${base}/API_TOKEN`, 204);
    replyMetadata(`${base}/API_TOKEN`, '2025-05-01T00:00:00Z');
    const error = await appErrorOf(publish(repoTarget));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('reading it back');
  });

  it('explains a refused credential (401) without sending anything', async () => {
    pool()
      .intercept({ path: `${base}/public-key`, method: 'GET' })
      .reply(401, { message: 'Bad credentials' }, json);
    const error = await appErrorOf(publish(repoTarget));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('GitHub refused the token this target uses');
    expect(agent.getCallHistory()?.calls()).toHaveLength(1);
  });

  it('explains a token without permission (403)', async () => {
    pool()
      .intercept({ path: `${base}/public-key`, method: 'GET' })
      .reply(403, { message: 'Resource not accessible by personal access token' }, json);
    const error = await appErrorOf(publish(repoTarget));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('octo/app');
    expect(error.message).toContain('Secrets');
  });

  it('tells a missing repository from a missing environment', async () => {
    pool()
      .intercept({ path: `${base}/public-key`, method: 'GET' })
      .reply(404, { message: 'Not Found' }, json);
    const missingRepo = await appErrorOf(publish(repoTarget));
    expect(missingRepo.code).toBe('NOT_FOUND');
    expect(missingRepo.message).toContain('no repository octo/app');

    const envBase = '/repos/octo/app/environments/prod%20eu/secrets';
    pool()
      .intercept({ path: `${envBase}/public-key`, method: 'GET' })
      .reply(404, { message: 'Not Found' }, json);
    pool()
      .intercept({ path: '/repos/octo/app', method: 'GET' })
      .reply(200, { full_name: 'octo/app' }, json);
    const missingEnv = await appErrorOf(publish(envTarget));
    expect(missingEnv.code).toBe('NOT_FOUND');
    expect(missingEnv.message).toContain('has no environment "prod eu"');
  });

  it('refuses a public key that is not a 32-byte key before sending anything', async () => {
    pool()
      .intercept({ path: `${base}/public-key`, method: 'GET' })
      .reply(200, { key_id: '1', key: 'bm90IGEga2V5' }, json);
    replyMetadata(`${base}/API_TOKEN`, null);
    const error = await appErrorOf(publish(repoTarget));
    expect(error.code).toBe('BAD_RESPONSE');
    const methods = (agent.getCallHistory()?.calls() ?? []).map((call) => call.method);
    expect(methods).not.toContain('PUT');
  });
});
