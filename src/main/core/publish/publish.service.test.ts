import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { PublishTargetInput, ProviderKind, RotationMode } from '../../../shared/model';
import { AccountRegistry } from '../accounts/account-registry';
import type { HttpClient } from '../http/http-client.types';
import { silentLogger } from '../log/logger';
import { RotationJournal } from '../rotation/rotation-journal';
import { RotationLeases } from '../rotation/rotation-leases';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { secretKeys } from '../secrets/secret-store';
import { SecretLedger } from '../tokens/secret-ledger';
import { PublishBindings } from './publish-bindings';
import { PublishService } from './publish.service';
import { asRotationPublisher } from './rotation-publisher-adapter';
import { TargetCredentials } from './target-credentials';
import { appErrorOf } from '../providers/test-support/app-error-of';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const clock = { now: () => NOW };
const SECRET = 'kst_9fQzR2wXyL7mN3vB8cD1eH4jK6tP0sAa';
const GITHUB_TOKEN = 'ghp_credentialAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Every HTTP call fails with a message that (wrongly) carries the request's secrets. */
const leakyHttp: HttpClient = {
  request: (request) =>
    Promise.reject(
      new AppError('SERVICE_ERROR', `upstream said: ${(request.secrets ?? []).join(' and ')}`),
    ),
  close: () => Promise.resolve(),
};

interface World {
  dir: string;
  home: string;
  service: PublishService;
  secrets: MemorySecretStore;
  registry: AccountRegistry;
  ledger: SecretLedger;
  kestraId: string;
  tokenId: string;
}

let w: World;

async function addAccount(
  registry: AccountRegistry,
  provider: ProviderKind,
  label: string,
  mode: RotationMode,
  baseUrl: string,
): Promise<string> {
  const id = registry.newId();
  await registry.add(id, { provider, label, baseUrl, settings: {}, mode, tokenPageUrl: null });
  return id;
}

beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tokendesk-publish-service-'));
  const home = join(dir, 'home');
  await mkdir(join(home, 'app'), { recursive: true });
  const secrets = new MemorySecretStore();
  const registry = new AccountRegistry(join(dir, 'data'), clock);
  const ledger = new SecretLedger(join(dir, 'data'), clock);
  const service = new PublishService({
    bindings: new PublishBindings(join(dir, 'data')),
    credentials: new TargetCredentials(registry, ledger, secrets),
    registry,
    ledger,
    secrets,
    http: leakyHttp,
    clock,
    log: silentLogger,
    home,
    leases: new RotationLeases(new RotationJournal(join(dir, 'data'))),
  });
  const kestraId = await addAccount(
    registry,
    'kestra',
    'Kestra',
    'api',
    'https://kestra.example.com',
  );
  const tokenId = 'tok-1';
  await secrets.set(secretKeys.token(kestraId, tokenId), SECRET);
  await ledger.record(kestraId, tokenId);
  w = { dir, home, service, secrets, registry, ledger, kestraId, tokenId };
});

afterEach(async () => {
  await rm(w.dir, { recursive: true, force: true });
});

const add = (target: PublishTargetInput, tokenId = w.tokenId) =>
  w.service.add(w.kestraId, tokenId, target);

async function githubAccount(
  baseUrl = 'https://api.github.com',
): Promise<{ accountId: string; tokenId: string }> {
  const accountId = await addAccount(w.registry, 'github', 'GitHub', 'guided', baseUrl);
  await w.secrets.set(secretKeys.token(accountId, 'trk-gh'), GITHUB_TOKEN);
  await w.ledger.record(accountId, 'trk-gh');
  return { accountId, tokenId: 'trk-gh' };
}

describe('add', () => {
  it('binds a local target with its defaults and a description, and stores no secret', async () => {
    const binding = await add({ kind: 'podstack-profile', profile: 'prod' });
    expect(binding).toMatchObject({
      accountId: w.kestraId,
      tokenId: w.tokenId,
      target: { kind: 'podstack-profile', path: '~/.podstack/credentials', profile: 'prod' },
      description: 'Podstack profile [prod] in ~/.podstack/credentials',
      createdAt: NOW.toISOString(),
      lastResult: null,
    });
    expect(await w.service.list(w.kestraId, w.tokenId)).toEqual([binding]);
    const file = await readFile(join(w.dir, 'data', 'publish-bindings.json'), 'utf8');
    expect(file).toContain(binding.id);
    expect(file).not.toContain(SECRET);
  });

  it('refuses a token whose secret TokenDesk does not hold', async () => {
    const error = await appErrorOf(
      add({ kind: 'dotenv', path: '~/app/.env', key: 'K' }, 'tok-none'),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('holds no secret');
  });

  it.each<[string, PublishTargetInput, RegExp]>([
    ['a relative path', { kind: 'dotenv', path: 'app/.env', key: 'K' }, /in full/],
    ['a bad .env key', { kind: 'dotenv', path: '/tmp/.env', key: '1KEY' }, /\.env key/],
    ['a bad profile', { kind: 'podstack-profile', profile: 'a b' }, /profile name/],
  ])('refuses %s with VALIDATION', async (_case, target, message) => {
    const error = await appErrorOf(add(target));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(message);
  });

  it('checks a GitHub target’s names and credential, and defaults the API to the credential’s account', async () => {
    const credential = await githubAccount('https://ghe.corp.example/api/v3');
    const binding = await add({
      kind: 'github-actions',
      repository: 'octo/app',
      environment: ' production ',
      secretName: 'api_token',
      credential,
    });
    expect(binding.target).toEqual({
      kind: 'github-actions',
      repository: 'octo/app',
      environment: 'production',
      secretName: 'API_TOKEN',
      apiBaseUrl: 'https://ghe.corp.example/api/v3',
      credential,
    });
    expect(binding.description).toBe(
      'GitHub Actions secret API_TOKEN of octo/app (environment production)',
    );
  });

  it.each<
    [string, (c: { accountId: string; tokenId: string }) => Partial<PublishTargetInput>, RegExp]
  >([
    ['a reserved secret name', () => ({ secretName: 'GITHUB_TOKEN' }), /GITHUB_/],
    ['a repository without owner', () => ({ repository: 'app' }), /owner\/name/],
    [
      'an API on another host',
      () => ({ apiBaseUrl: 'https://evil.example' }),
      /only to its own service/,
    ],
    ['plain http', () => ({ apiBaseUrl: 'http://api.github.com' }), /https/],
    [
      'a credential of another service',
      () => ({ credential: { accountId: w.kestraId, tokenId: w.tokenId } }),
      /not a GitHub account/,
    ],
    [
      'a token without a stored secret',
      (c) => ({ credential: { ...c, tokenId: 'trk-none' } }),
      /holds no secret/,
    ],
    [
      'an unknown account',
      () => ({ credential: { accountId: 'nope', tokenId: 'x' } }),
      /does not exist/,
    ],
  ])('refuses a GitHub target with %s', async (_case, change, message) => {
    const credential = await githubAccount();
    const target = {
      kind: 'github-actions',
      repository: 'octo/app',
      secretName: 'API_TOKEN',
      credential,
      ...change(credential),
    } as PublishTargetInput;
    const error = await appErrorOf(add(target));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(message);
    expect(await w.service.list(w.kestraId, w.tokenId)).toEqual([]);
  });

  it('lets a GitLab target use the account’s management credential only where there is one', async () => {
    const managed = await addAccount(
      w.registry,
      'gitlab',
      'GitLab',
      'roll',
      'https://gitlab.example.com',
    );
    const guided = await addAccount(
      w.registry,
      'gitlab',
      'GitLab guided',
      'guided',
      'https://gitlab.example.com',
    );
    const target = (accountId: string): PublishTargetInput => ({
      kind: 'gitlab-variable',
      project: 'group/app',
      key: 'DEPLOY_TOKEN',
      credential: { accountId, tokenId: 'manage' },
    });
    const binding = await add(target(managed));
    expect(binding.target).toMatchObject({
      masked: true,
      protected: false,
      environmentScope: '*',
      apiBaseUrl: 'https://gitlab.example.com',
    });
    const error = await appErrorOf(add({ ...target(guided), key: 'OTHER' } as PublishTargetInput));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('no management credential');
  });

  it('binds a destination once, whichever token and however its path is written', async () => {
    await add({ kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' });
    await w.ledger.record(w.kestraId, 'tok-2');
    const error = await appErrorOf(
      add({ kind: 'dotenv', path: join(w.home, 'app', '.env'), key: 'API_TOKEN' }, 'tok-2'),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('another token');
  });
});

describe('run', () => {
  it('publishes the stored secret to each target, records the outcome, and verifies', async () => {
    await writeFile(join(w.home, 'app', '.env'), '# keep\nAPI_TOKEN=old\n');
    const env = await add({ kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' });
    const profile = await add({ kind: 'podstack-profile', profile: 'prod' });

    const results = await w.service.run(w.kestraId, w.tokenId);
    expect(results).toEqual([
      { targetId: env.id, ok: true, verifiedAt: NOW.toISOString(), error: null },
      { targetId: profile.id, ok: true, verifiedAt: NOW.toISOString(), error: null },
    ]);
    expect(await readFile(join(w.home, 'app', '.env'), 'utf8')).toBe(
      `# keep\nAPI_TOKEN=${SECRET}\n`,
    );
    expect(await readFile(join(w.home, '.podstack', 'credentials'), 'utf8')).toContain(SECRET);
    const listed = await w.service.list(w.kestraId, w.tokenId);
    expect(listed.map((b) => b.lastResult)).toEqual([
      { ok: true, verifiedAt: NOW.toISOString(), error: null, at: NOW.toISOString() },
      { ok: true, verifiedAt: NOW.toISOString(), error: null, at: NOW.toISOString() },
    ]);
  });

  it('lets one target fail alone, with a clear error and no secret in any message', async () => {
    const credential = await githubAccount();
    const github = await add({
      kind: 'github-actions',
      repository: 'octo/app',
      secretName: 'T',
      credential,
    });
    const missing = await add({ kind: 'dotenv', path: '~/nowhere/.env', key: 'API_TOKEN' });
    const good = await add({ kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' });

    const results = await w.service.run(w.kestraId, w.tokenId);
    expect(results.map((r) => [r.targetId, r.ok, r.error?.code ?? null])).toEqual([
      [github.id, false, 'SERVICE_ERROR'],
      [missing.id, false, 'STORAGE_FAILED'],
      [good.id, true, null],
    ]);
    const [leaked, folder] = results;
    expect(leaked?.error?.message).toContain('[redacted]');
    expect(leaked?.error?.message).not.toContain(SECRET);
    expect(leaked?.error?.message).not.toContain(GITHUB_TOKEN);
    expect(folder?.error?.message).toContain('does not exist');
    expect(await readFile(join(w.home, 'app', '.env'), 'utf8')).toBe(`API_TOKEN=${SECRET}\n`);
    const file = await readFile(join(w.dir, 'data', 'publish-bindings.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    expect(file).not.toContain(GITHUB_TOKEN);
  });

  it('publishes only the chosen targets, and refuses ids not bound to the token', async () => {
    const a = await add({ kind: 'dotenv', path: '~/app/.env', key: 'A' });
    await add({ kind: 'dotenv', path: '~/app/.env', key: 'B' });
    expect((await w.service.run(w.kestraId, w.tokenId, [a.id])).map((r) => r.targetId)).toEqual([
      a.id,
    ]);
    expect(await readFile(join(w.home, 'app', '.env'), 'utf8')).toBe(`A=${SECRET}\n`);
    expect((await appErrorOf(w.service.run(w.kestraId, w.tokenId, [a.id, 'pub-x']))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('says so when the keychain has no secret for the token', async () => {
    await add({ kind: 'dotenv', path: '~/app/.env', key: 'A' });
    await w.secrets.delete(secretKeys.token(w.kestraId, w.tokenId));
    expect((await appErrorOf(w.service.run(w.kestraId, w.tokenId))).code).toBe('NOT_FOUND');
  });
});

describe('the rotation port', () => {
  it('publishes a given secret to the targets of the old token, then moves them to the new one', async () => {
    const credential = await githubAccount();
    const binding = await add({ kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' });
    // A GitHub target of another token that uses the rotated GitHub token as its credential.
    const ci = await add({
      kind: 'github-actions',
      repository: 'octo/app',
      secretName: 'T',
      credential,
    });

    const results = await w.service.publish({
      accountId: w.kestraId,
      tokenId: w.tokenId,
      secret: 'new-secret-value',
    });
    expect(results.find((r) => r.targetId === binding.id)?.ok).toBe(true);
    expect(await readFile(join(w.home, 'app', '.env'), 'utf8')).toBe(
      'API_TOKEN=new-secret-value\n',
    );

    await w.service.rebind(w.kestraId, w.tokenId, 'tok-new');
    await w.service.rebind(credential.accountId, credential.tokenId, 'trk-gh-new');
    const moved = await w.service.list(w.kestraId, 'tok-new');
    expect(moved.map((b) => b.id).sort()).toEqual([binding.id, ci.id].sort());
    expect(moved.find((b) => b.id === ci.id)?.target).toMatchObject({
      credential: { accountId: credential.accountId, tokenId: 'trk-gh-new' },
    });
    expect(await w.service.list(w.kestraId, w.tokenId)).toEqual([]);

    // A second run (crash recovery) changes nothing.
    const path = join(w.dir, 'data', 'publish-bindings.json');
    const before = await readFile(path, 'utf8');
    await w.service.rebind(w.kestraId, w.tokenId, 'tok-new');
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('serves the rotation engine’s port: targets by the user’s names, one write at a time', async () => {
    const credential = await githubAccount();
    const ok = await add({ kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' });
    const bad = await add({
      kind: 'github-actions',
      repository: 'octo/app',
      secretName: 'T',
      credential,
    });
    const port = asRotationPublisher(w.service);
    expect(await port.targets(w.kestraId, w.tokenId)).toEqual([
      { targetId: ok.id, label: '~/app/.env · API_TOKEN', kind: 'dotenv' },
      { targetId: bad.id, label: 'octo/app · T', kind: 'github-actions' },
    ]);
    const ref = { accountId: w.kestraId, tokenId: w.tokenId };
    expect(await port.write({ ...ref, targetId: ok.id }, SECRET)).toEqual({ ok: true });
    // A 5xx may come after the service wrote the value: the target may hold the new secret.
    expect(await port.write({ ...ref, targetId: bad.id }, SECRET)).toEqual({
      ok: false,
      mayHaveChanged: true,
      error: { code: 'SERVICE_ERROR', message: expect.stringContaining('[redacted]') as unknown },
    });
  });
});

describe('remove', () => {
  it('unbinds a target, and says so when there is none', async () => {
    const binding = await add({ kind: 'dotenv', path: '~/app/.env', key: 'A' });
    await w.service.remove(w.kestraId, w.tokenId, binding.id);
    expect(await w.service.list(w.kestraId, w.tokenId)).toEqual([]);
    expect((await appErrorOf(w.service.remove(w.kestraId, w.tokenId, binding.id))).code).toBe(
      'NOT_FOUND',
    );
  });
});
