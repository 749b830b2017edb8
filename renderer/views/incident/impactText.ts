import { LEVEL_SCHEMES, type IncidentType } from '../../../electron/core/plan/catalogue.js';
import { proposeAccidentLevel, proposeComplaintLevel, type Impact, type LevelProposal } from '../../../electron/core/incident/impact.js';
import type { Level } from '../../../electron/core/incident/levels.js';
import type { Language } from '../../../electron/core/organisation/settings.js';
import type { Messages } from '../../i18n/messages.js';

/** Whole yuan, with the display language's grouping: ¥1,250,000. */
export function formatYuan(yuan: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(yuan);
}

/** One line for the timeline: the accident measures, and the complaint facts when there are any. */
export function impactSummary(impact: Impact, t: Messages, language: Language): string {
  const f = t.plans.impactFields;
  const parts = [
    `${f.dead} ${impact.dead}`,
    `${f.missing} ${impact.missing}`,
    `${f.injured} ${impact.injured}`,
    `${f.seriouslyInjured} ${impact.seriouslyInjured}`,
    `${f.directLossYuan} ${formatYuan(impact.directLossYuan, language)}`,
  ];
  if (impact.complainants > 0) parts.push(`${f.complainants} ${impact.complainants}`);
  if (impact.media !== 'none') parts.push(`${f.media} ${t.plans.mediaOptions[impact.media]}`);
  if (impact.regulatorInvolved) parts.push(f.regulatorInvolved);
  if (impact.agitated) parts.push(f.agitated);
  if (impact.blockingOrThreat) parts.push(f.blockingOrThreat);
  return parts.join(t.plans.listSeparator);
}

export interface LocalProposal {
  readonly level: Level;
  /** the measures that reach the proposed level, in the display's language */
  readonly because: readonly string[];
}

/**
 * The level the type's thresholds propose for the impact (see impact.ts), or null when the type
 * has none. The core's reasons are English phrases; they are shown translated, with the
 * figures taken from the impact itself. A proposal outside the type's scheme (IV on a
 * three-level plan) becomes the scheme's lowest level.
 */
export function proposeLevel(type: IncidentType | undefined, impact: Impact, t: Messages, language: Language): LocalProposal | null {
  if (type === undefined || type.levelGuide === null) return null;
  const proposal: LevelProposal = type.levelGuide === 'accidentGrades' ? proposeAccidentLevel(impact) : proposeComplaintLevel(impact);
  const scheme = LEVEL_SCHEMES[type.levelScheme] as readonly Level[];
  const level = scheme.includes(proposal.level) ? proposal.level : (scheme[scheme.length - 1] ?? proposal.level);
  return { level, because: proposal.because.map((reason) => translateReason(reason, impact, t, language)) };
}

function translateReason(reason: string, impact: Impact, t: Messages, language: Language): string {
  const r = t.plans.reasons;
  if (reason.startsWith('dead+missing')) return r.deaths(impact.dead + impact.missing);
  if (reason.startsWith('seriously injured')) return r.serious(impact.seriouslyInjured);
  if (reason.startsWith('direct loss')) return r.loss(formatYuan(impact.directLossYuan, language));
  if (reason.startsWith('complainants')) return r.complainants(impact.complainants);
  if (reason.startsWith('media')) return r.media(t.plans.mediaOptions[impact.media]);
  if (reason.startsWith('regulator')) return r.regulator;
  if (reason.startsWith('blocking')) return r.blocking;
  if (reason.startsWith('agitated')) return r.agitated;
  return reason;
}
