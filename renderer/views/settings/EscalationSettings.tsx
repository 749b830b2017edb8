import { useId, useState, type FormEvent } from 'react';
import { LEVELS, type Level } from '../../../electron/core/incident/levels.js';
import type { EscalationPolicy, EscalationTier } from '../../../electron/core/plan/plan.js';
import { MINUTE } from '../../../electron/core/plan/plan-schemas.js';
import { ESCALATION_ROLES, ROLE_NAMES, type EscalationRole } from '../../../electron/core/plan/roles.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';
import { RowButtons } from './RowButtons.js';

const toMinutes = (ms: number): string => String(Math.round((ms / MINUTE) * 100) / 100);
/** What a minutes field holds as milliseconds; NaN for an empty or unreadable field, which the host refuses by name. */
const fromMinutes = (text: string): number => (text.trim() === '' ? Number.NaN : Math.round(Number(text) * MINUTE));

/** The default escalation ladder of each level, one form per level. */
export function EscalationSettings({ guard }: { guard: Guard }) {
  const t = useMessages();
  const policies = useBoard((s) => s.board.plan.policies);
  return (
    <div className="escalation-settings">
      <p>{t.plans.escalationIntro}</p>
      {LEVELS.map((level) => (
        <LadderForm key={level} level={level} policy={policies[level]} guard={guard} />
      ))}
    </div>
  );
}

/** A tier as the form edits it: minutes as typed. */
interface TierRow {
  readonly key: number;
  readonly role: EscalationRole;
  readonly minutes: string;
  readonly repeat: number;
}

function LadderForm({ level, policy, guard }: { level: Level; policy: EscalationPolicy; guard: Guard }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const setPolicy = useBoardAction('setPolicy');
  const [rows, setRows] = useState<TierRow[]>(() =>
    policy.tiers.map((tier, key) => ({ key, role: tier.role, minutes: toMinutes(tier.ackTimeoutMs), repeat: tier.repeat })),
  );
  const [reminder, setReminder] = useState(policy.reminderMs === null ? '' : toMinutes(policy.reminderMs));
  const { state, busy, save } = useSave();
  const headingId = useId();
  const name = t.levelText(level);

  const edit = (index: number, part: Partial<TierRow>) => setRows((r) => r.map((row, i) => (i === index ? { ...row, ...part } : row)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tiers: EscalationTier[] = rows.map((row) => ({ role: row.role, ackTimeoutMs: fromMinutes(row.minutes), repeat: row.repeat }));
    const reminderMs = reminder.trim() === '' ? null : fromMinutes(reminder);
    await save(() => guard.guarded((pin) => setPolicy(level, { tiers, reminderMs }, pin)), t.plans.ladderSaved(name));
  };

  return (
    <form noValidate className="settings-form ladder" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-form__title">
        {t.plans.ladderFor(name)}
      </h3>
      <ol className="ladder__tiers">
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <li key={row.key} className="ladder__tier">
              <span className="step-editor__n">{t.plans.tierNumber(n)}</span>
              <label className="field">
                <span>{t.plans.tierRole}</span>
                <select value={row.role} onChange={(e) => edit(index, { role: e.target.value as EscalationRole })}>
                  {ESCALATION_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_NAMES[role][language]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t.plans.tierMinutes}</span>
                <input
                  type="number"
                  min={0.1}
                  step="any"
                  required
                  value={row.minutes}
                  onChange={(e) => edit(index, { minutes: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t.plans.tierRepeats}</span>
                <input
                  type="number"
                  min={0}
                  max={10}
                  step={1}
                  required
                  value={row.repeat}
                  onChange={(e) => edit(index, { repeat: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
                />
              </label>
              <RowButtons
                index={index}
                rows={rows}
                setRows={setRows}
                names={{ up: t.plans.moveTierUp(n), down: t.plans.moveTierDown(n), remove: t.plans.removeTier(n) }}
                keepOne
              />
            </li>
          );
        })}
      </ol>
      <label className="field">
        <span>{t.plans.reminderMinutes}</span>
        <input type="number" min={1} step="any" value={reminder} onChange={(e) => setReminder(e.target.value)} />
      </label>
      <div className="settings-form__actions">
        <button
          type="button"
          className="button"
          disabled={rows.length >= 8}
          onClick={() =>
            setRows((r) => [
              ...r,
              {
                key: Math.max(-1, ...r.map((x) => x.key)) + 1,
                role: r.at(-1)?.role ?? 'dutyOfficer',
                minutes: r.at(-1)?.minutes ?? '5',
                repeat: 0,
              },
            ])
          }
        >
          {t.plans.addTier}
        </button>
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.plans.saveLadder(name)}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
