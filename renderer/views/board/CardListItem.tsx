import { memo, useEffect, useRef, useState } from 'react';
import { ClockVisible } from '../../store/useHostNow.js';
import { IncidentCard } from './IncidentCard.js';
import { IncidentRow } from './IncidentRow.js';

/**
 * One incident in a board list: a card, or on a busy board (`dense`) one line. The list item has
 * `content-visibility: auto` (styles.css): while the browser skips rendering it, its countdowns
 * stop redrawing, so a board of hundreds pays the one-second redraw only for those on screen.
 * `shown`: the line's incident is the one in the middle of the console.
 */
export const CardListItem = memo(function CardListItem({ id, dense, shown }: { id: string; dense: boolean; shown: boolean }) {
  const ref = useRef<HTMLLIElement>(null);
  const [rendered, setRendered] = useState(true);
  useEffect(() => {
    const item = ref.current;
    if (item === null) return undefined;
    // The DOM typings do not map this event name to its event type yet.
    const onChange = (event: Event) => setRendered(!(event as ContentVisibilityAutoStateChangeEvent).skipped);
    item.addEventListener('contentvisibilityautostatechange', onChange);
    return () => item.removeEventListener('contentvisibilityautostatechange', onChange);
  }, []);
  return (
    <li ref={ref} data-incident-id={id}>
      <ClockVisible.Provider value={rendered}>
        {dense ? <IncidentRow id={id} shown={shown} /> : <IncidentCard id={id} />}
      </ClockVisible.Provider>
    </li>
  );
});
