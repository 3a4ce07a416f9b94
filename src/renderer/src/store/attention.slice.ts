import type {
  AttentionItem,
  AttentionList,
  AuditGroup,
  Reminder,
  Timeline,
} from '../../../shared/attention-model';
import { attempt, call } from '../lib/api';
import { tokenKey } from '../lib/token-key';
import type { SliceCreator } from './store.types';
import type { TokenRef } from './tokens.slice';

/** What the main area shows; the sidebar switches between them. */
export type View = 'tokens' | 'attention' | 'audit' | 'timeline' | 'rules';

const SNOOZE_LABELS: Record<number, string> = { 1: '1 day', 7: '1 week' };

export interface AttentionSlice {
  view: View;
  /** Null until first loaded: main judges attention by its own clock and rules. */
  attention: AttentionList | null;
  /** The attention items by `accountId/tokenId`, so a row finds its own in one lookup. */
  attentionByToken: ReadonlyMap<string, AttentionItem>;
  audit: AuditGroup[] | null;
  timeline: Timeline | null;
  /** The token a reminder, a timeline entry or an item asked to show in the list. */
  focusedToken: TokenRef | null;
  /** Reminders shown in the page (the browser target has no desktop notifications). */
  pageReminders: Reminder[];
  setView: (view: View) => void;
  loadAttention: () => Promise<void>;
  loadAudit: () => Promise<void>;
  loadTimeline: () => Promise<void>;
  snooze: (ref: TokenRef, days: number, tokenName: string) => Promise<void>;
  setReminder: (ref: TokenRef, remindAt: string | null, tokenName: string) => Promise<void>;
  /** Publishes the token's current secret to its drifted targets, then shows what is left. */
  publishAgain: (ref: TokenRef, tokenName: string) => Promise<void>;
  /** Revokes one after another; says in a notice which failed and why. */
  revokeMany: (tokens: Array<TokenRef & { name: string }>) => Promise<void>;
  /** Shows the token in the list: its account selected, its row focused. */
  openToken: (ref: TokenRef) => void;
  reminderArrived: (reminder: Reminder) => void;
  dismissReminder: (reminder: Reminder) => void;
}

export const createAttentionSlice: SliceCreator<AttentionSlice> = (set, get) => ({
  view: 'tokens',
  attention: null,
  attentionByToken: new Map(),
  audit: null,
  timeline: null,
  focusedToken: null,
  pageReminders: [],

  setView: (view) => set({ view }),

  loadAttention: async () => {
    const attention = await call((api) => api.attention.list());
    set({ attention, attentionByToken: indexAttention(attention) });
  },

  loadAudit: async () => {
    const audit = await call((api) => api.audit.list());
    set({ audit });
  },

  loadTimeline: async () => {
    const timeline = await call((api) => api.attention.timeline());
    set({ timeline });
  },

  snooze: async (ref, days, tokenName) => {
    const outcome = await attempt((api) => api.attention.snooze({ ...ref, days }));
    if (!outcome.ok) {
      get().showNotice({ tone: 'error', text: outcome.error.message });
      return;
    }
    get().showNotice({
      tone: 'info',
      text: `Snoozed ${tokenName} for ${SNOOZE_LABELS[days] ?? `${days} days`}.`,
    });
    await attempt(() => get().loadAttention());
  },

  setReminder: async (ref, remindAt, tokenName) => {
    const outcome = await attempt((api) => api.attention.setReminder({ ...ref, remindAt }));
    if (!outcome.ok) {
      get().showNotice({ tone: 'error', text: outcome.error.message });
      return;
    }
    get().showNotice({
      tone: 'info',
      text:
        remindAt === null
          ? `Removed the reminder for ${tokenName}.`
          : `TokenDesk will remind you about ${tokenName} on ${remindAt.slice(0, 10)}.`,
    });
    await Promise.all([attempt(() => get().loadAttention()), attempt(() => get().loadTimeline())]);
  },

  publishAgain: async (ref, tokenName) => {
    const outcome = await attempt((api) => api.publish.again(ref));
    if (!outcome.ok) {
      get().showNotice({ tone: 'error', text: outcome.error.message });
      return;
    }
    const failed = outcome.value.filter((result) => !result.ok);
    get().showNotice(
      failed.length === 0
        ? {
            tone: 'info',
            text: `Published ${tokenName} again: its targets hold the current secret.`,
          }
        : {
            tone: 'error',
            text: `Publishing ${tokenName} again failed for ${failed.length} target(s): ${failed
              .map((result) => (result.error === null ? result.targetId : result.error.message))
              .join(' ')}`,
          },
    );
    await attempt(() => get().loadAttention());
  },

  revokeMany: async (tokens) => {
    const failed: string[] = [];
    for (const token of tokens) {
      const outcome = await attempt(() => get().revokeToken(token));
      if (!outcome.ok) failed.push(`${token.name}: ${outcome.error.message}`);
    }
    const revoked = tokens.length - failed.length;
    get().showNotice(
      failed.length === 0
        ? { tone: 'info', text: `Revoked ${revoked} ${revoked === 1 ? 'token' : 'tokens'}.` }
        : { tone: 'error', text: `Revoked ${revoked}; not revoked: ${failed.join('; ')}` },
    );
    await Promise.all([attempt(() => get().loadAudit()), attempt(() => get().loadAttention())]);
  },

  openToken: (ref) => {
    set({ view: 'tokens', focusedToken: ref });
    get().selectAccount(ref.accountId);
  },

  reminderArrived: (reminder) =>
    set((state) => ({
      pageReminders: [
        ...state.pageReminders.filter(
          (r) => !(r.accountId === reminder.accountId && r.tokenId === reminder.tokenId),
        ),
        reminder,
      ],
    })),

  dismissReminder: (reminder) =>
    set((state) => ({ pageReminders: state.pageReminders.filter((r) => r !== reminder) })),
});

function indexAttention(list: AttentionList): ReadonlyMap<string, AttentionItem> {
  return new Map(list.items.map((item) => [tokenKey(item), item]));
}
