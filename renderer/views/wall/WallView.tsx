import { byUrgency } from '../../../electron/core/incident/selectors.js';
import { EMERGENCY_NUMBER_NAMES, EMERGENCY_NUMBERS } from '../../../electron/core/organisation/organisation.js';
import { formatTime } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useClockOffset, useLanguage } from '../../store/context.js';
import { ClockFrozenAt } from '../../store/useHostNow.js';
import { ConnectionIndicator } from '../common/ConnectionIndicator.js';
import { DrillBanner } from '../console/DrillBanner.js';
import { StatsStrip } from '../console/StatsStrip.js';
import { useActiveIncidents } from '../console/useActiveIds.js';
import { FloodBanner } from '../alarm/FloodBanner.js';
import { HostClock } from '../common/HostClock.js';
import { WallTile } from './WallTile.js';
import { namedNumbers, splitForWall, wallDensity, wallGrid } from './wallLayout.js';

/**
 * The wall display (?view=wall): every active incident as a tile sized so that up to twelve fill
 * a 1920×1080 screen without scrolling; the tiles go to what needs a person first (real before
 * drill, unacknowledged before acknowledged, then level) and the rest are named by number in one
 * line; the emergency numbers at the foot. Read-only: nothing here can be clicked. When the host
 * is lost, a band says so across the screen and the tiles' times stand still, dimmed.
 */
export function WallView() {
  const t = useMessages();
  const language = useLanguage();
  const siteName = useBoard((s) => s.host.settings.siteName);
  const connection = useBoard((s) => s.connection);
  const offset = useClockOffset();
  const active = useActiveIncidents();
  const { shown, hidden } = splitForWall([...active].sort(byUrgency));
  const grid = wallGrid(shown.length);
  const stale = connection.status === 'offline';
  const name = (incident: (typeof hidden)[number]) =>
    incident.drill ? t.plans.wall.drillNumber(incident.number) : t.incidentNumber(incident.number);

  return (
    <div className={`wall wall--${wallDensity(shown.length)}${stale ? ' wall--stale' : ''}`} data-count={active.length}>
      <header className="wall__head">
        <h1 className="wall__site">{siteName.trim() || t.plans.wall.title}</h1>
        <StatsStrip />
        <ConnectionIndicator />
        <HostClock />
      </header>
      {stale && (
        <p role="alert" className="wall__stale">
          {t.plans.wall.stale(formatTime(connection.since + offset, language))}
        </p>
      )}
      <DrillBanner />
      <FloodBanner />
      <ClockFrozenAt.Provider value={stale ? connection.since : null}>
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
          {hidden.length > 0 && (
            <p className="wall__more">
              {t.plans.wall.more(
                hidden.length,
                hidden.filter((i) => i.alarm.unacknowledged).length,
                namedNumbers(hidden, name, t.plans.wall.numberSeparator),
              )}
            </p>
          )}
        </main>
      </ClockFrozenAt.Provider>
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
