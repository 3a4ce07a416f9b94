import type { Core } from '../core/app-core';
import { accountsHandlers } from './accounts.ipc';
import { appHandlers, type AppFacts } from './app.ipc';
import { attentionHandlers } from './attention.ipc';
import type { HandlerTable } from './handle';
import { importHandlers } from './import.ipc';
import { publishHandlers } from './publish.ipc';
import { rotationHandlers } from './rotation.ipc';
import { secretsHandlers } from './secrets.ipc';
import { tokensHandlers } from './tokens.ipc';

/** Every channel of the contract, bound to the core; the type makes a missing one an error. */
export function createHandlerTable(core: Core, facts: AppFacts): HandlerTable {
  return {
    ...appHandlers(core, facts),
    ...accountsHandlers(core),
    ...tokensHandlers(core),
    ...secretsHandlers(core),
    ...importHandlers(core),
    ...rotationHandlers(core),
    ...publishHandlers(core),
    ...attentionHandlers(core),
  };
}
