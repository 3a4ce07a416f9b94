import type { Core } from '../core/app-core';
import type { HandlerTable } from './handle';

const TIMELINE_DAYS = 90;

export function attentionHandlers(
  core: Core,
): Pick<
  HandlerTable,
  | 'attention:list'
  | 'attention:snooze'
  | 'attention:setReminder'
  | 'attention:settings'
  | 'attention:setSettings'
  | 'attention:timeline'
  | 'audit:list'
> {
  return {
    'attention:list': () => core.attention.list(),
    'attention:snooze': ({ accountId, tokenId, days }) =>
      core.attention.snooze(accountId, tokenId, days),
    'attention:setReminder': ({ accountId, tokenId, remindAt }) =>
      core.attention.setReminder(accountId, tokenId, remindAt),
    'attention:settings': () => core.attention.settings(),
    'attention:setSettings': ({ settings }) => core.attention.setSettings(settings),
    'attention:timeline': ({ days }) => core.attention.timeline(days ?? TIMELINE_DAYS),
    'audit:list': () => core.attention.audit(),
  };
}
