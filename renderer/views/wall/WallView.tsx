import { EMERGENCY_NUMBER_NAMES, EMERGENCY_NUMBERS } from '../../../electron/core/organisation/organisation.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useLanguage } from '../../store/context.js';
import { ConnectionIndicator } from '../common/ConnectionIndicator.js';
import { DrillBanner } from '../console/DrillBanner.js';
import { StatsStrip } from '../console/StatsStrip.js';
import { useActiveIncidents } from '../console/useActiveIds.js';
import { FloodBanner } from '../alarm/FloodBanner.js';
import { HostClock } from '../common/HostClock.js';
import { WallTile } from './WallTile.js';
import { levelCounts, splitForWall, wallDensity, wallGrid } from './wallLayout.js';

/**
 * The wall display (?view=wall): every active incident as a tile sized so that up to twelve fill
 * a 1920×1080 screen without scrolling, the rest counted in one line; the emergency numbers at
 * the foot. Read-only: nothing here can be clicked.
 */
export function WallView() {
  const t = useMessages();
  const language = useLanguage();
  const siteName = useBoard((s) => s.host.settings.siteName);
  const active = useActiveIncidents();
  const { shown, hidden } = splitForWall(active);
  const grid = wallGrid(shown.length);

  return (
    <div className={`wall wall--${wallDensity(shown.length)}`} data-count={active.length}>
      <header className="wall__head">
        <h1 className="wall__site">{siteName.trim() || t.plans.wall.title}</h1>
        <StatsStrip />
        <ConnectionIndicator />
        <HostClock />
      </header>
      <DrillBanner />
      <FloodBanner />
      <main className="wall__main" aria-label={t.board}>
        {shown.length === 0 ? (
          <p className="wall__empty">{t.plans.wall.noActive}</p>
        ) : (
          <div
            className="wall__grid"
            style={{
              gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
            }}
          >
            {shown.map((incident) => (
              <WallTile key={incident.id} id={incident.id} />
            ))}
          </div>
        )}
        {hidden.length > 0 && <p className="wall__more">{t.plans.wall.more(hidden.length, levelCounts(hidden))}</p>}
      </main>
      <footer className="wall__numbers" aria-label={t.plans.wall.numbers}>
        {EMERGENCY_NUMBERS.map((number) => (
          <span key={number} className={`wall__number wall__number--${number}`}>
            <strong>{number}</strong> {EMERGENCY_NUMBER_NAMES[number][language]}
          </span>
        ))}
      </footer>
    </div>
  );
}
