/**
 * True for a PostgreSQL unique violation (23505), optionally on one named constraint/index. Checked by shape, not
 * `instanceof`: Next.js may bundle a second copy of the `postgres` module, whose error class is a different one.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (const e of [err, (err as { cause?: unknown } | null)?.cause]) {
    if (
      e instanceof Error &&
      // By SQLSTATE, not by class name: the production build minifies postgres.js's PostgresError to another name.
      (e as { code?: unknown }).code === '23505' &&
      (constraint === undefined || (e as { constraint_name?: unknown }).constraint_name === constraint)
    ) {
      return true;
    }
  }
  return false;
}
