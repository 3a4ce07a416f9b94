import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AttentionRules, AttentionSettings } from '../../../shared/attention-model';
import type { Account } from '../../../shared/model';
import {
  draftOf,
  parseDraft,
  ruleFields,
  withRules,
  type RuleErrors,
  type RuleField,
  type RulesDraft,
} from '../lib/rules-draft';
import { useStore } from '../store';
import { FormField } from './form-field';

const labels: Record<RuleField, { label: string; hint: string }> = {
  expiryThresholdsDays: {
    label: 'Warn before expiry (days)',
    hint: 'How many days before a token expires to warn, separated by commas, e.g. 30, 7, 1.',
  },
  neverUsedDays: {
    label: 'Never used after (days)',
    hint: 'Flag a token nobody has used this many days after it was created.',
  },
  idleDays: {
    label: 'Idle after (days)',
    hint: 'Flag a token not used (or, where the service reports no use, not checked) for this long.',
  },
  rotateEveryDays: {
    label: 'Rotate every (days)',
    hint: 'Remind you to rotate a token this many days after it was created. Empty: no policy.',
  },
};

interface RulesFormProps {
  settings: AttentionSettings;
  /** Null: the rules of every account. */
  account: Account | null;
}

/**
 * One scope's rules. For an account, each rule either follows the rules of all accounts or is
 * the account's own; only its own are saved for it.
 */
export function RulesForm({ settings, account }: RulesFormProps): ReactNode {
  const saveAttentionSettings = useStore((s) => s.saveAttentionSettings);
  const accountRules = account === null ? {} : (settings.accounts[account.id] ?? {});
  const effective: AttentionRules = { ...settings.global, ...accountRules };
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(effective));
  const [own, setOwn] = useState<Set<RuleField>>(
    () => new Set(ruleFields.filter((f) => account === null || accountRules[f] !== undefined)),
  );
  const [errors, setErrors] = useState<RuleErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const whose = account === null ? 'all accounts' : account.label;

  const toggleOwn = (field: RuleField, on: boolean): void => {
    const next = new Set(own);
    if (on) next.add(field);
    else {
      next.delete(field);
      // Following the global rule again: show what that rule is.
      setDraft((d) => ({ ...d, [field]: draftOf(settings.global)[field] }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    }
    setOwn(next);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFailure(null);
    const parsed = parseDraft(
      draft,
      ruleFields.filter((f) => own.has(f)),
    );
    if (!parsed.ok) {
      setErrors(parsed.errors);
      // After the render that marks them: focus the first field in error.
      requestAnimationFrame(() => {
        const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid) invalid.focus();
      });
      return;
    }
    setErrors({});
    setSaving(true);
    const error = await saveAttentionSettings(
      withRules(settings, account === null ? null : account.id, parsed.rules),
      whose,
    );
    setSaving(false);
    if (error !== null) setFailure(error.message);
  };

  return (
    <form
      ref={form}
      noValidate
      className="form rules-form"
      aria-label={`Reminder rules for ${whose}`}
      aria-busy={saving}
      onSubmit={(e) => void submit(e)}
    >
      {ruleFields.map((field) => {
        const editable = own.has(field);
        return (
          <div key={field} className="rule-row">
            <FormField
              label={labels[field].label}
              hint={labels[field].hint}
              error={errors[field]}
              optional={field === 'rotateEveryDays'}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode={field === 'expiryThresholdsDays' ? 'text' : 'numeric'}
                  value={draft[field]}
                  disabled={!editable}
                  onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                />
              )}
            </FormField>
            {account === null ? null : (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={editable}
                  onChange={(e) => toggleOwn(field, e.target.checked)}
                />
                {`Own rule for ${account.label}: ${labels[field].label.toLowerCase()}`}
              </label>
            )}
          </div>
        );
      })}
      {failure === null ? null : (
        <p role="alert" className="form-error" data-testid="rules-error">
          {failure}
        </p>
      )}
      <div className="rules-actions">
        <button type="submit" className="primary" disabled={saving}>
          Save rules
        </button>
      </div>
    </form>
  );
}
