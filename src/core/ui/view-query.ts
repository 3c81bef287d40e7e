/**
 * The query string of a list view (`?q=ann&page=2`, or '' when nothing is set): the `keys` of `query` with `change`
 * applied, in that order, leaving out empty values and those `isDefault` says the page assumes anyway (page 1, the
 * default tab), so each view has one address.
 */
export function viewQueryString<Q extends object>(
  query: Q,
  change: Partial<Record<keyof Q, string | number | undefined>>,
  keys: readonly (keyof Q & string)[],
  isDefault: (key: keyof Q & string, value: unknown) => boolean,
): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of keys) {
    const v = merged[key];
    if (v === undefined || v === null || v === '' || isDefault(key, v)) continue;
    params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
