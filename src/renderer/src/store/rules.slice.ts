import type { AttentionSettings } from '../../../shared/attention-model';
import type { AppError } from '../../../shared/errors';
import { attempt, call } from '../lib/api';
import type { SliceCreator } from './store.types';

export interface RulesSlice {
  /** The attention rules as main keeps them; null until first loaded. */
  attentionSettings: AttentionSettings | null;
  /** The account whose own rules the rules view edits; null: the rules of every account. */
  rulesAccountId: string | null;
  loadAttentionSettings: () => Promise<void>;
  /** Shows the rules view, on one account's rules or on everyone's. */
  openRules: (accountId: string | null) => void;
  /** Null when saved; otherwise main's reason, for the form to show. */
  saveAttentionSettings: (settings: AttentionSettings, whose: string) => Promise<AppError | null>;
}

export const createRulesSlice: SliceCreator<RulesSlice> = (set, get) => ({
  attentionSettings: null,
  rulesAccountId: null,

  loadAttentionSettings: async () => {
    const attentionSettings = await call((api) => api.attention.settings());
    set({ attentionSettings });
  },

  openRules: (rulesAccountId) => set({ view: 'rules', rulesAccountId }),

  saveAttentionSettings: async (settings, whose) => {
    const outcome = await attempt((api) => api.attention.setSettings({ settings }));
    if (!outcome.ok) return outcome.error;
    set({ attentionSettings: outcome.value });
    get().showNotice({ tone: 'info', text: `Saved the reminder rules for ${whose}.` });
    // New rules change what needs attention and what the timeline colours as urgent.
    await Promise.all([attempt(() => get().loadAttention()), attempt(() => get().loadTimeline())]);
    return null;
  },
});
