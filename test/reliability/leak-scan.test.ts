import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountInventory,
  ImportCandidate,
  RotationView,
  TokenInfo,
} from '../../src/shared/model';
import { FakeProvider } from '../../src/main/core/test-support/fake-provider';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { demoKestraSeed, DEMO_TENANT, DEMO_USER } from '../../sim/kestra/kestra-seeds';
import { encodingsOf, leaksInDir } from '../../e2e/support/secret-scan';
import { startHostileKestra, type HostileKestra } from './support/hostile-kestra';
import { resultOf, startRecordingStack, type RecordingStack } from './support/recording-stack';
import { Tally } from './support/results';

const canary = (label: string): string => `${label}${randomBytes(18).toString('hex')}`;
const tally = new Tally('leak-scan', 'leak scan: canary secrets through every secret path');

/** Every secret that went through the app, and the one reply channel allowed to carry it. */
const planted = new Map<string, { label: string; revealedOn: string | null }>();
function plant(label: string, secret: string, revealedOn: string | null = null): string {
  planted.set(secret, { label, revealedOn });
  tally.add('canaries planted');
  return secret;
}

let sim: KestraSim;
let hostile: HostileKestra;
let guided: FakeProvider;
let stack: RecordingStack;
const importCanary = canary('importcanary');

/** A token at the guided fake service whose secret is ours to choose. */
function guidedToken(name: string, secret: string): void {
  const { id } = guided.seed(name);
  const stored = guided.tokens.get(id);
  if (stored === undefined) throw new Error('seed failed');
  stored.secret = secret;
}

beforeAll(async () => {
  const manage = plant('management credential', canary('managecanary'));
  sim = await startKestraSim(demoKestraSeed(manage));
  hostile = await startHostileKestra(plant('echoed credential', canary('echocanary')));
  guided = new FakeProvider({ guided: true });
  plant('imported token', importCanary);
  guidedToken('imported', importCanary);
  stack = await startRecordingStack(`TokenDesk-leak-${randomBytes(4).toString('hex')}`, {
    adapters: [guided],
    env: { TERASWITCH_API_TOKEN: importCanary, TERASWITCH_PROJECT_ID: 'proj-1' },
  });
});

afterAll(async () => {
  await stack.stop();
  await hostile.close();
  await sim.close();
  await tally.record();
});

async function kestraAccount(baseUrl: string, credential: string): Promise<string> {
  const added = await stack.call('accounts:add', {
    provider: 'kestra',
    label: `Kestra ${baseUrl}`,
    baseUrl,
    settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
    credential,
  });
  return resultOf<{ id: string }>(added).id;
}

describe('leak scan', () => {
  it('plants canaries through every path that handles a secret', async () => {
    const manage = [...planted].find(([, p]) => p.label === 'management credential')?.[0] ?? '';
    const accountId = await kestraAccount(sim.url, manage);

    // create: the one reveal.
    const created = resultOf<{ token: TokenInfo; secret: string }>(
      await stack.call('tokens:create', {
        accountId,
        name: 'leak-scan',
        expiry: { kind: 'days', days: 30 },
      }),
    );
    plant('created token', created.secret, 'tokens:create');

    // copy: to the clipboard, not to the renderer.
    resultOf(await stack.call('secrets:copy', { accountId, tokenId: created.token.id }));
    expect(stack.clipboard.text).toBe(created.secret);
    tally.add('paths exercised');

    // publish: to a .env file of the user's, outside the data dir.
    const envFile = join(stack.homeDir, 'app.env');
    const binding = resultOf<{ id: string }>(
      await stack.call('publish:add', {
        accountId,
        tokenId: created.token.id,
        target: { kind: 'dotenv', path: envFile, key: 'KESTRA_TOKEN' },
      }),
    );
    const published = resultOf<Array<{ ok: boolean }>>(
      await stack.call('publish:run', { accountId, tokenId: created.token.id }),
    );
    expect(published).toEqual([expect.objectContaining({ targetId: binding.id, ok: true })]);
    expect(await readFile(envFile, 'utf8')).toContain(created.secret);
    tally.add('paths exercised', 2);

    // rotate: a new secret, revealed once, then published and the old one revoked.
    const { rotationId } = resultOf<{ rotationId: string }>(
      await stack.call('rotation:start', { accountId, tokenId: created.token.id }),
    );
    const view: RotationView = await stack.core.rotation.whenSettled(rotationId);
    expect(view.status).toBe('done');
    const revealed = resultOf<{ secret: string }>(
      await stack.call('rotation:reveal', { rotationId }),
    );
    plant('rotated token', revealed.secret, 'rotation:reveal');
    tally.add('paths exercised', 2);

    // track and import: secrets pasted by the user or found in the environment.
    const guidedAccount = resultOf<{ id: string }>(
      await stack.call('accounts:add', {
        provider: guided.info.kind,
        label: 'Dashboard',
        baseUrl: 'https://api.example.com/v2',
        settings: {},
      }),
    ).id;
    const tracked = plant('tracked token', canary('trackcanary'));
    guidedToken('tracked', tracked);
    resultOf(
      await stack.call('tokens:track', {
        accountId: guidedAccount,
        name: 'tracked',
        secret: tracked,
        project: 'proj-1',
        role: 'Owner',
      }),
    );
    const scan = resultOf<{ candidates: ImportCandidate[] }>(
      await stack.call('import:scan', { sources: [{ kind: 'environment' }] }),
    );
    const candidate = scan.candidates.find((c) => c.provider === guided.info.kind);
    if (candidate === undefined) throw new Error('the import scan found nothing');
    const applied = resultOf<{ imported: TokenInfo[]; failed: unknown[] }>(
      await stack.call('import:apply', {
        accountId: guidedAccount,
        items: [{ candidateId: candidate.id, name: 'imported', project: 'proj-1', role: 'Owner' }],
      }),
    );
    expect(applied.failed).toEqual([]);
    tally.add('paths exercised', 3);

    // A guided secret given to a rotation by hand.
    const guidedTokenId = applied.imported[0]?.id ?? '';
    const guidedRotation = resultOf<{ rotationId: string }>(
      await stack.call('rotation:start', { accountId: guidedAccount, tokenId: guidedTokenId }),
    );
    const given = plant('secret given to a guided rotation', canary('providecanary'));
    guidedToken('imported-next', given);
    await stack.call('rotation:provideSecret', {
      rotationId: guidedRotation.rotationId,
      secret: given,
    });
    tally.add('paths exercised');

    // A wrong secret pasted, refused by the service.
    const refused = plant('refused pasted token', canary('refusedcanary'));
    const wrong = await stack.call('tokens:track', {
      accountId: guidedAccount,
      name: 'wrong',
      secret: refused,
      project: 'proj-1',
      role: 'Owner',
    });
    expect(wrong.ok).toBe(false);
    tally.add('paths exercised');

    // errors: a service that echoes the credential back in its error bodies.
    const echoed = [...planted].find(([, p]) => p.label === 'echoed credential')?.[0] ?? '';
    const echoAccount = await kestraAccount(hostile.url, echoed);
    for (const mode of ['echo-credential', 'html-error'] as const) {
      hostile.mode = mode;
      const refreshed = resultOf<AccountInventory[]>(
        await stack.call('tokens:refresh', { accountId: echoAccount }),
      );
      expect(refreshed[0]?.error).not.toBeNull();
      tally.add('paths exercised');
    }
    const echoedOnAdd = plant('credential echoed while adding', canary('addechocanary'));
    hostile.mode = 'echo-credential';
    const addFailed = await stack.call('accounts:add', {
      provider: 'kestra',
      label: 'Echo',
      baseUrl: hostile.url,
      settings: { userId: DEMO_USER },
      credential: echoedOnAdd,
    });
    expect(addFailed).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(hostile.seen.some((s) => s.authorization === `Bearer ${echoedOnAdd}`)).toBe(true);
    tally.add('paths exercised');
  });

  it('finds no canary in the data dir, the logs, the audit log, events or error messages', async () => {
    const secrets = [...planted.keys()];
    const inFiles = await leaksInDir(stack.dataDir, secrets);
    for (const file of inFiles) tally.violation(`a secret is in ${file}`);
    tally.add('files and payloads scanned', stack.replies.length + stack.events.length);

    for (const { channel, payload } of stack.events) {
      const text = JSON.stringify(payload);
      for (const [secret, { label }] of planted) {
        if (encodingsOf(secret).some((e) => text.includes(e))) {
          tally.violation(`event ${channel} carries the ${label}`);
        }
      }
    }
    const revealsSeen = new Map<string, number>();
    for (const { channel, payload } of stack.replies) {
      const text = JSON.stringify(payload);
      for (const [secret, { label, revealedOn }] of planted) {
        if (!encodingsOf(secret).some((e) => text.includes(e))) continue;
        const count = (revealsSeen.get(secret) ?? 0) + 1;
        revealsSeen.set(secret, count);
        if (channel !== revealedOn || count > 1) {
          tally.violation(`reply to ${channel} carries the ${label}`);
        }
      }
    }
    const log = await readFile(join(stack.dataDir, 'logs', 'tokendesk.log'), 'utf8');
    const audit = await readFile(join(stack.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(audit).toContain('rotation');
    expect(stack.replies.some((r) => !(r.payload as { ok: boolean }).ok)).toBe(true);
    tally.add('leaks found', tally.violations);
    expect(tally.problems).toEqual([]);
    expect([...revealsSeen.values()].filter((n) => n === 1)).toHaveLength(2);
  });
});
