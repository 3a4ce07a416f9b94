import { useEffect, useId, type ReactNode } from 'react';
import { attempt } from '../lib/api';
import { useStore } from '../store';
import { RulesForm } from './rules-form';
import '../styles/rules.css';

/** When TokenDesk warns: for every account, or one account's own changes to that. */
export function ReminderRulesView(): ReactNode {
  const settings = useStore((s) => s.attentionSettings);
  const accounts = useStore((s) => s.accounts);
  const chosen = useStore((s) => s.rulesAccountId);
  const openRules = useStore((s) => s.openRules);
  const loadAttentionSettings = useStore((s) => s.loadAttentionSettings);
  const showNotice = useStore((s) => s.showNotice);
  const scopeId = useId();

  useEffect(() => {
    void attempt(() => loadAttentionSettings()).then((outcome) => {
      if (!outcome.ok) showNotice({ tone: 'error', text: outcome.error.message });
    });
  }, [loadAttentionSettings, showNotice]);

  // An account removed meanwhile has no rules left to edit.
  const account = accounts.find((a) => a.id === chosen) ?? null;

  return (
    <section className="rules-view" aria-labelledby="rules-title">
      <h1 id="rules-title" className="view-title">
        Reminder rules
      </h1>
      <div className="field rules-scope">
        <label htmlFor={scopeId}>Rules for</label>
        <select
          id={scopeId}
          value={account === null ? '' : account.id}
          onChange={(event) => openRules(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      {settings === null ? (
        <p className="view-loading">Loading the rules…</p>
      ) : (
        <RulesForm key={account === null ? '' : account.id} settings={settings} account={account} />
      )}
    </section>
  );
}
