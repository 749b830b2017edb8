/** Which view a display shows: `?view=wall` for the wall display, the console otherwise. */
export type ViewMode = 'console' | 'wall';

export const viewModeOf = (search: string): ViewMode => (new URLSearchParams(search).get('view') === 'wall' ? 'wall' : 'console');
