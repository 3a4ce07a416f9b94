import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPodstackSim, type PodstackSim } from '../../sim/podstack/podstack.sim';
import { createCore, type Core } from '../../src/main/core/app-core';
import { createHttpClient } from '../../src/main/core/http/http-client';
import type { HttpClient } from '../../src/main/core/http/http-client.types';
import { silentLogger } from '../../src/main/core/log/logger';
import { podstackAdapter } from '../../src/main/core/providers/podstack/podstack.adapter';
import { secretKeys } from '../../src/main/core/secrets/secret-store';
import { createDispatcher } from '../../src/main/ipc/handle';
import { createHandlerTable } from '../../src/main/ipc/handlers';
import { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';
import type { ImportCandidate } from '../../src/shared/model';
import { filesContaining } from '../../e2e/support/secret-scan';

const ACCOUNT = 'acc_ml';

describe('importing Podstack credentials the user already has', () => {
  let sim: PodstackSim;
  let home: string;
  let dataDir: string;
  let secrets: KeytarSecretStore;
  let http: HttpClient;
  let core: Core;
  let envToken: string;
  let call: (channel: string, args: unknown) => Promise<unknown>;

  beforeEach(async () => {
    sim = await startPodstackSim({
      accounts: [
        { id: ACCOUNT, projects: [{ id: 'proj-training' }, { id: 'proj-inference' }] },
        { id: 'acc_other', projects: [{ id: 'proj-foreign' }] },
      ],
    });
    envToken = sim.dashboard.createToken({
      account: ACCOUNT,
      name: 'Shell',
      expiresInDays: 30,
    }).token;
    home = await mkdtemp(join(tmpdir(), 'tokendesk-home-'));
    dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-imp-'));
    secrets = new KeytarSecretStore(`TokenDesk-imp-${randomBytes(4).toString('hex')}`);
    http = createHttpClient({ connectTimeoutMs: 2_000, requestTimeoutMs: 3_000 });
    core = createCore({
      dataDir,
      secrets,
      http,
      adapters: [podstackAdapter],
      log: silentLogger,
      emit: () => undefined,
      clipboard: null,
      importEnvironment: {
        env: { PODSTACK_API_TOKEN: envToken, PODSTACK_PROJECT: 'proj-training', HOME: home },
        home,
      },
    });
    const dispatch = createDispatcher(
      createHandlerTable(core, { target: 'browser', version: 't' }),
      {
        isTrustedSender: () => true,
        log: silentLogger,
      },
    );
    call = async (channel, args) => {
      const envelope = await dispatch(
        channel,
        { url: 'http://127.0.0.1', isMainFrame: true },
        args,
      );
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
      return envelope.result;
    };
  });

  afterEach(async () => {
    for (const key of await secrets.list()) await secrets.delete(key);
    await http.close();
    await sim.close();
    await rm(home, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  async function addAccount(): Promise<string> {
    const account = (await call('accounts:add', {
      provider: 'podstack',
      label: 'ML team',
      baseUrl: sim.apiBase,
      settings: {},
    })) as { id: string };
    return account.id;
  }

  it('previews the environment, a .env file and profiles, then tracks what works', async () => {
    const accountId = await addAccount();
    const dotenvToken = sim.dashboard.createToken({
      account: ACCOUNT,
      name: 'App',
      expiresInDays: 90,
    }).token;
    const profileToken = sim.dashboard.createToken({
      account: ACCOUNT,
      name: 'CLI',
      expiresInDays: null,
    }).token;
    const foreignToken = sim.dashboard.createToken({
      account: 'acc_other',
      name: 'Theirs',
      expiresInDays: 7,
    }).token;
    await writeFile(
      join(home, 'app.env'),
      `# app\nPODSTACK_API_TOKEN='${dotenvToken}'\nPODSTACK_PROJECT=proj-inference\n`,
    );
    await mkdir(join(home, '.podstack'));
    await writeFile(
      join(home, '.podstack', 'credentials'),
      `[default]\napi_token = ${profileToken}\nproject = proj-training\n\n[borrowed]\napi_token = ${foreignToken}\nproject = proj-training\n`,
    );

    const preview = (await call('import:scan', {
      sources: [
        { kind: 'environment' },
        { kind: 'dotenv', path: '~/app.env' },
        { kind: 'podstack-credentials' },
      ],
    })) as { candidates: ImportCandidate[] };
    const text = JSON.stringify(preview);
    for (const secret of [envToken, dotenvToken, profileToken, foreignToken]) {
      expect(text).not.toContain(secret);
    }
    expect(
      preview.candidates.map((c) => [c.source.replace(home, '~'), c.project, c.prefix]),
    ).toEqual([
      ['environment: PODSTACK_API_TOKEN', 'proj-training', envToken.split('_')[1]],
      ['~/app.env: PODSTACK_API_TOKEN', 'proj-inference', dotenvToken.split('_')[1]],
      ['~/.podstack/credentials [default]', 'proj-training', profileToken.split('_')[1]],
      ['~/.podstack/credentials [borrowed]', 'proj-training', foreignToken.split('_')[1]],
    ]);

    const applied = (await call('import:apply', {
      accountId,
      items: preview.candidates.map((c) => ({ candidateId: c.id, name: c.suggestedName })),
    })) as {
      imported: Array<{ id: string; name: string; project: string | null }>;
      failed: Array<{ candidateId: string; code: string; message: string }>;
    };

    expect(applied.imported.map((t) => [t.name, t.project])).toEqual([
      ['podstack-api-token', 'proj-training'],
      ['podstack-api-token', 'proj-inference'],
      ['podstack-default', 'proj-training'],
    ]);
    // The profile holding another account's token is refused for the project it names.
    expect(applied.failed).toEqual([
      {
        candidateId: preview.candidates[3]?.id,
        code: 'FORBIDDEN',
        message: expect.stringContaining('“proj-training”') as string,
      },
    ]);
    // Each was proven against Podstack in its own project before it was kept.
    expect(sim.lastUseOf(dotenvToken)).toMatchObject({ projectId: 'proj-inference', status: 200 });
    expect(sim.lastUseOf(envToken)).toMatchObject({ projectId: 'proj-training', status: 200 });
    const [fromEnv, fromDotenv, fromProfile] = applied.imported;
    expect(await secrets.get(secretKeys.token(accountId, fromEnv?.id ?? ''))).toBe(envToken);
    expect(await secrets.get(secretKeys.token(accountId, fromDotenv?.id ?? ''))).toBe(dotenvToken);
    expect(await secrets.get(secretKeys.token(accountId, fromProfile?.id ?? ''))).toBe(
      profileToken,
    );
    expect(await secrets.list()).toHaveLength(3);
    for (const secret of [envToken, dotenvToken, profileToken, foreignToken]) {
      expect(await filesContaining(dataDir, secret)).toEqual([]);
    }

    const again = (await call('import:scan', { sources: [{ kind: 'environment' }] })) as {
      candidates: ImportCandidate[];
    };
    expect(again.candidates.map((c) => c.alreadyTracked)).toEqual([true]);
  });

  it('says plainly when the credentials file is missing, and keeps nothing', async () => {
    const preview = (await call('import:scan', {
      sources: [{ kind: 'podstack-credentials' }],
    })) as { candidates: ImportCandidate[]; problems: Array<{ source: string; message: string }> };
    expect(preview.candidates).toEqual([]);
    expect(preview.problems).toEqual([
      {
        source: '~/.podstack/credentials',
        message: `${join(home, '.podstack', 'credentials')} does not exist or cannot be read.`,
      },
    ]);
    expect(await secrets.list()).toEqual([]);
  });
});
