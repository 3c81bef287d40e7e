/**
 * Whether a string is one of a list of names (`STAGES`, `LOCALES`…), as a type guard: a value read from a text column,
 * a form or a stored JSON is then the narrow type without a cast.
 */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
