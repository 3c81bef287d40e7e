/** Runs `work`, a write that may hit the unique `constraint` in a race its pre-check missed, and answers `taken()` (the pre-check's field error) then. */
export async function guardUnique<T>(constraint: string, taken: () => Error, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, constraint)) throw taken();
    throw err;
  }
}

/** True for a violation of the unique `constraint` (two people saving the same name at one moment); PGlite may not name the constraint. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint === undefined || e.constraint === constraint)) return true;
  }
  return false;
}
