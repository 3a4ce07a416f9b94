import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export function importHandlers(core: Core): Pick<HandlerTable, 'import:scan' | 'import:apply'> {
  return {
    'import:scan': ({ sources }) => core.importer.scan(sources),
    'import:apply': ({ accountId, items }) => core.importer.apply(accountId, items),
  };
}
