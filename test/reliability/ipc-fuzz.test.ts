import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract, type Channel, type Envelope } from '../../src/shared/contract';
import { silentLogger } from '../../src/main/core/log/logger';
import { createTestCore, type TestCore } from '../../src/main/core/test-support/test-core';
import { createDispatcher, type Dispatch, type HandlerTable } from '../../src/main/ipc/handle';
import { createHandlerTable } from '../../src/main/ipc/handlers';
import { createOriginPolicy } from '../../src/main/security';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { malformedPayloads, type Malformed } from './support/malformed-payloads';
import { Tally } from './support/results';
import { sampleOf } from './support/sample-args';
import { apiCall, pooledApiCall, signIn } from './support/web-session';

const CANARY = `fuzzcanary${randomBytes(12).toString('hex')}`;
const OWN_URL = 'app://tokendesk/index.html';
const tally = new Tally('ipc-fuzz', 'IPC fuzz: malformed payloads refused by schema');

let t: TestCore;
let dispatch: Dispatch;
let handlerCalls = 0;
let server: WebServer;
let authorization: string;
const replies: Envelope<unknown>[] = [];

/** The real handler table, each handler counted: a malformed call must never reach one. */
function counted(table: HandlerTable): HandlerTable {
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(table)) {
    wrapped[channel] = (args: never) => {
      handlerCalls += 1;
      return (handler as (args: never) => Promise<unknown>)(args);
    };
  }
  return wrapped as unknown as HandlerTable;
}

const everyPayload: Malformed[] = channels.flatMap((channel) => malformedPayloads(channel, CANARY));

beforeAll(async () => {
  t = await createTestCore();
  const policy = createOriginPolicy(undefined);
  dispatch = createDispatcher(
    counted(createHandlerTable(t.core, { target: 'electron', version: 'fuzz' })),
    {
      isTrustedSender: policy.isTrustedSender,
      log: silentLogger,
      onReply: (_channel, envelope) => replies.push(envelope),
    },
  );
  // The browser target's own door: its sender is the server itself once Host, Origin and the
  // session passed, exactly as run-web-target.ts composes it.
  server = await startWebServer({
    dispatch: (channel, _sender, args) =>
      dispatch(channel, { url: OWN_URL, isMainFrame: true }, args),
    rendererDir: t.dataDir,
    log: silentLogger,
  });
  authorization = await signIn(server);
});

afterAll(async () => {
  await server.close();
  await t.cleanup();
  tally.add('channels', channels.length);
  await tally.record();
});

function check(where: string, item: Malformed, envelope: Envelope<unknown>): void {
  const text = JSON.stringify(envelope);
  if (envelope.ok || envelope.error.code !== 'VALIDATION') {
    tally.violation(`${where} ${item.channel} ${item.what}: ${text.slice(0, 200)}`);
  } else if (text.includes(CANARY)) {
    tally.violation(`${where} ${item.channel} ${item.what}: the reply echoes the payload`);
  }
}

describe('IPC fuzz', () => {
  it('covers every channel of the contract with a valid starting call', () => {
    for (const channel of channels) {
      expect(contract[channel].args.safeParse(sampleOf(contract[channel].args)).success).toBe(true);
      expect(everyPayload.filter((item) => item.channel === channel).length).toBeGreaterThan(10);
    }
    expect(everyPayload.length).toBeGreaterThanOrEqual(1_000);
  });

  it('refuses every malformed payload through the dispatcher with VALIDATION', async () => {
    for (const item of everyPayload) {
      check(
        'dispatcher',
        item,
        await dispatch(item.channel, { url: OWN_URL, isMainFrame: true }, item.payload),
      );
      tally.add('payloads through the dispatcher');
    }
    expect(tally.problems).toEqual([]);
    expect(handlerCalls).toBe(0);
  });

  it('refuses every malformed payload through the web endpoint with VALIDATION', async () => {
    for (const item of everyPayload) {
      if (item.payload === undefined) continue;
      const response = await apiCall(
        server,
        authorization,
        item.channel,
        JSON.stringify(item.payload),
      );
      expect(response.status).toBe(200);
      check('web', item, JSON.parse(response.body) as Envelope<unknown>);
      tally.add('payloads through the web endpoint');
    }
    expect(tally.problems).toEqual([]);
    expect(handlerCalls).toBe(0);
  });

  it('refuses bodies that are not JSON at the web endpoint', async () => {
    for (const body of ['{', 'undefined', "{'a':1}", '\u0000', '[1,]', '"unterminated']) {
      const response = await apiCall(server, authorization, 'accounts:list', body);
      const envelope = JSON.parse(response.body) as Envelope<unknown>;
      check('web', { channel: 'accounts:list', what: 'a broken body', payload: body }, envelope);
      tally.add('payloads through the web endpoint');
    }
    expect(tally.problems).toEqual([]);
  });

  it('answers a body over the size limit with 413 and a clean close, and keeps serving', async () => {
    const body = JSON.stringify({ blob: `${CANARY}${'x'.repeat(3 * 1024 * 1024)}` });
    // One kept-alive socket, as a browser holds it: a reset would reject the call.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const warm = await pooledApiCall(server, authorization, 'app:info', '{}', agent);
      expect(warm.status).toBe(200);
      const huge = await pooledApiCall(server, authorization, 'accounts:list', body, agent);
      tally.add('payloads through the web endpoint');
      expect(huge.socketReused).toBe(true);
      expect(huge.status).toBe(413);
      expect(huge.headers['connection']).toBe('close');
      const envelope = JSON.parse(huge.body) as Envelope<unknown>;
      check('web', { channel: 'accounts:list', what: 'a huge body', payload: null }, envelope);
      expect(huge.body).not.toContain(CANARY);
      // The next call goes out on a fresh socket and is served.
      const after = await pooledApiCall(server, authorization, 'app:info', '{}', agent);
      expect(after.socketReused).toBe(false);
      expect(JSON.parse(after.body)).toMatchObject({ ok: true });
    } finally {
      agent.destroy();
    }
    expect(handlerCalls).toBe(2);
    handlerCalls = 0;
  });

  it('refuses every channel to a sender that is not our main frame, before parsing', async () => {
    const strangers = [
      { url: OWN_URL, isMainFrame: false },
      { url: 'https://attacker.test/', isMainFrame: true },
      { url: 'app://attacker.test/index.html', isMainFrame: true },
      { url: null, isMainFrame: true },
    ];
    for (const channel of channels) {
      for (const sender of strangers) {
        const envelope = await dispatch(channel, sender, sampleOf(contract[channel].args));
        tally.add('untrusted senders tried');
        if (envelope.ok || envelope.error.code !== 'SENDER_REJECTED') {
          tally.violation(`sender ${JSON.stringify(sender)} reached ${channel}`);
        }
      }
    }
    expect(tally.problems).toEqual([]);
    expect(handlerCalls).toBe(0);
  });

  it('leaves Object.prototype alone, writes nothing, and keeps serving', async () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await readdir(t.dataDir)).toEqual([]);

    const call = (channel: Channel, args: unknown) =>
      dispatch(channel, { url: OWN_URL, isMainFrame: true }, args);
    const { secret } = t.provider.seed('management');
    const added = await call('accounts:add', {
      provider: t.provider.info.kind,
      label: 'After the fuzz',
      baseUrl: 'https://service.example.com/',
      settings: { userId: 'alice' },
      credential: secret,
    });
    expect(added.ok).toBe(true);
    expect(await call('accounts:list', {})).toMatchObject({
      ok: true,
      result: [{ label: 'After the fuzz' }],
    });
    const viaWeb = await apiCall(server, authorization, 'app:info', '{}');
    expect(JSON.parse(viaWeb.body)).toMatchObject({ ok: true });
    expect(replies.some((reply) => JSON.stringify(reply).includes(CANARY))).toBe(false);
    if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')) {
      tally.violation('Object.prototype was polluted');
    }
  });
});
