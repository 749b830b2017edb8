import { useMessages } from '../../i18n/useMessages.js';
import { useActiveIncidents } from './useActiveIds.js';

/**
 * While a drill runs, every view says so across the whole screen (the wall at the top, the wide
 * console in its banner strip under the columns), so nobody takes it for the real thing. A
 * landmark of its own, so a screen reader finds it among the page's regions.
 */
export function DrillBanner() {
  const t = useMessages();
  const drills = useActiveIncidents().filter((i) => i.drill);
  if (drills.length === 0) return null;
  const list = drills.map((i) => `${t.incidentNumber(i.number)} ${i.title}`).join(t.plans.listSeparator);
  return (
    <section className="drill-banner" aria-label={t.plans.drillBanner}>
      <strong className="drill-banner__word">{t.plans.drillBanner}</strong>
      <span>{t.plans.drillBannerText(list)}</span>
    </section>
  );
}
