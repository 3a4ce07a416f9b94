import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

export interface AppFacts {
  target: 'electron' | 'browser';
  version: string;
}

export function appHandlers(
  core: Core,
  facts: AppFacts,
): Pick<HandlerTable, 'app:info' | 'app:notices' | 'app:dismissNotice' | 'providers:list'> {
  return {
    'app:info': () =>
      Promise.resolve({
        ...facts,
        clipboard: core.clipboard ? 'main' : 'page',
        clipboardClearSeconds: core.clipboard ? core.clipboardClearSeconds : 0,
      }),
    'app:notices': () => core.notices.list(),
    'app:dismissNotice': async ({ noticeId }) => {
      await core.notices.dismiss(noticeId);
      return { dismissed: true };
    },
    'providers:list': () => Promise.resolve(core.providers.list()),
  };
}
