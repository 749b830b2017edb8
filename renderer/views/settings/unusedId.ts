/** `<prefix>-<n>` for the first n from `from` that no item in `taken` uses yet. */
export function unusedId(prefix: string, taken: readonly { readonly id: string }[], from = 1): string {
  let n = from;
  while (taken.some((item) => item.id === `${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}
