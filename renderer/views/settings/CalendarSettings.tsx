import { useId, useState, type FormEvent } from 'react';
import type { WorkingCalendar } from '../../../electron/core/plan/calendar.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useOnline } from '../../store/context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';
import { toggled } from './toggled.js';

/** Days as the calendar stores them (0 is Sunday), and as a Chinese week is written: Monday first. */
const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/**
 * The working calendar that working-day deadlines count on: the weekly rest days, the holidays
 * and the make-up working days of the official schedule (调休), which changes every year.
 */
export function CalendarSettings({ guard }: { guard: Guard }) {
  const t = useMessages();
  const online = useOnline();
  const saved = useBoard((s) => s.board.plan.calendar);
  const setCalendar = useBoardAction('setCalendar');
  const [draft, setDraft] = useState<WorkingCalendar>(saved);
  const { state, busy, save } = useSave();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save(() => guard.guarded((pin) => setCalendar(draft, pin)), t.plans.calendarSaved);
  };

  return (
    <form noValidate className="settings-form" onSubmit={submit}>
      <p>{t.plans.calendarIntro}</p>
      <fieldset className="type-editor__checks">
        <legend>{t.plans.restDays}</legend>
        {WEEK.map((day) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              checked={draft.weekendDays.includes(day)}
              onChange={(e) => setDraft((d) => ({ ...d, weekendDays: toggled(DAYS, d.weekendDays, day, e.target.checked) }))}
            />
            {t.plans.weekdays[day]}
          </label>
        ))}
      </fieldset>
      <DateList title={t.plans.holidays} dates={draft.holidays} onChange={(holidays) => setDraft((d) => ({ ...d, holidays }))} />
      <DateList
        title={t.plans.makeUpWorkdays}
        dates={draft.makeUpWorkdays}
        onChange={(makeUpWorkdays) => setDraft((d) => ({ ...d, makeUpWorkdays }))}
      />
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.plans.saveCalendar}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}

/** A sorted list of dates (YYYY-MM-DD), each removable, and a date field to add one. */
function DateList({ title, dates, onChange }: { title: string; dates: readonly string[]; onChange: (dates: string[]) => void }) {
  const t = useMessages();
  const [date, setDate] = useState('');
  const titleId = useId();
  const inputId = useId();
  const add = () => {
    if (date === '' || dates.includes(date)) return;
    onChange([...dates, date].sort());
    setDate('');
  };

  return (
    <fieldset className="date-list">
      <legend id={titleId}>{title}</legend>
      {dates.length === 0 ? (
        <p className="muted">{t.plans.noDates}</p>
      ) : (
        <ul className="date-list__dates" aria-labelledby={titleId}>
          {dates.map((d) => (
            <li key={d}>
              <time dateTime={d}>{d}</time>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={t.plans.removeDate(d)}
                onClick={() => onChange(dates.filter((x) => x !== d))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="date-list__add">
        <label htmlFor={inputId} className="visually-hidden">
          {t.plans.dateFor(title)}
        </label>
        <input
          id={inputId}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the date here; it must not save the whole calendar without it.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" className="button" disabled={date === ''} onClick={add}>
          {t.plans.addDate(title)}
        </button>
      </div>
    </fieldset>
  );
}
