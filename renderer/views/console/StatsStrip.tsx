import { LEVELS } from '../../../electron/core/incident/levels.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useActiveIncidents } from './useActiveIds.js';

/** Active incidents by level. Drills are counted apart and never in the figures. */
export function StatsStrip() {
  const t = useMessages();
  const active = useActiveIncidents();
  const real = active.filter((i) => !i.drill);
  const drills = active.length - real.length;
  return (
    <section className="stats" aria-label={t.plans.stats}>
      <span className="stats__title">{t.plans.stats}</span>
      <ul className="stats__levels">
        {LEVELS.map((level) => {
          const n = real.filter((i) => i.level === level).length;
          return (
            <li key={level} className={`stats__level stats__level--${level}${n === 0 ? ' stats__level--zero' : ''}`}>
              {t.plans.statsLevel(t.levelText(level), n)}
            </li>
          );
        })}
      </ul>
      <span className="stats__total">{t.plans.statsTotal(real.length)}</span>
      {drills > 0 && <span className="stats__drills">{t.plans.statsDrills(drills)}</span>}
    </section>
  );
}
