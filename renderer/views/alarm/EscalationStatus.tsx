import { ROLE_NAMES } from '../../../electron/core/plan/roles.js';
import type { Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useLanguage } from '../../store/context.js';
import { nextStep } from './alarmView.js';
import { Countdown } from '../board/Countdown.js';

/** The tier being alerted, who must act, and the countdown to the next step of the ladder. */
export function EscalationStatus({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const { tiers } = incident.alarm.policy;
  const index = Math.min(incident.alarm.tier, tiers.length - 1);
  const tier = tiers[index];
  const step = nextStep(incident);
  const roleName = (tierIndex: number): string => {
    const role = tiers[tierIndex]?.role;
    return role === undefined ? '' : ROLE_NAMES[role][language];
  };
  let label: string | null = null;
  if (step?.kind === 'escalate') label = t.alarm.escalatesTo(roleName(step.toTier));
  else if (step?.kind === 'repeat') label = t.alarm.repeatsIn;
  else if (step?.kind === 'reminder') label = t.alarm.reminderIn;

  return (
    <div className="escalation" data-tier={index}>
      {tier !== undefined && <p className="escalation__tier">{t.alarm.tier(index + 1, tiers.length, roleName(index))}</p>}
      {step !== null && label !== null && (
        <p className={`escalation__next escalation__next--${step.kind}`} data-next={step.kind}>
          {label} <Countdown to={step.at} />
        </p>
      )}
    </div>
  );
}
