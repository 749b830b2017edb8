import { memo, useEffect, useRef, useState } from 'react';
import { ClockVisible } from '../../store/useHostNow.js';
import { IncidentCard } from './IncidentCard.js';

/**
 * One card in a board list. The list item has `content-visibility: auto` (styles.css): while the
 * browser skips rendering it, the card's countdowns stop redrawing, so a board of hundreds pays
 * the one-second redraw only for the cards on screen.
 */
export const CardListItem = memo(function CardListItem({ id }: { id: string }) {
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
        <IncidentCard id={id} />
      </ClockVisible.Provider>
    </li>
  );
});
