/** `chosen` with `item` switched on or off, in the order of `all` (so saved lists stay stable). */
export function toggled<T>(all: readonly T[], chosen: readonly T[], item: T, on: boolean): T[] {
  return all.filter((x) => (x === item ? on : chosen.includes(x)));
}
