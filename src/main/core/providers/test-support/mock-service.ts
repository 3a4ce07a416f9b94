import { MockAgent } from 'undici';
import { afterEach, beforeEach } from 'vitest';
import { createHttpClient } from '../../http/http-client';
import type { HttpClient } from '../../http/http-client.types';

/** Reply options for a JSON body, as the services send it. */
export const json = { headers: { 'content-type': 'application/json' } };

/**
 * A fresh MockAgent for each test of the calling file: no real network, every call recorded,
 * closed after the test so a pending interceptor cannot leak into the next one.
 */
export function mockAgentPerTest(): () => MockAgent {
  let agent: MockAgent | undefined;
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    agent.enableCallHistory();
  });
  afterEach(async () => {
    await agent?.close();
    agent = undefined;
  });
  return () => {
    if (agent === undefined) throw new Error('the mock agent exists only inside a test');
    return agent;
  };
}

/** The real HTTP client over `agent`; retries do not wait. */
export function mockHttp(agent: MockAgent): HttpClient {
  return createHttpClient({ dispatcher: agent, sleep: () => Promise.resolve() });
}
