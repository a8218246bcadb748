import postgres from 'postgres';

/** True for a PostgreSQL unique violation (23505), optionally on one named constraint/index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err instanceof Error && 'cause' in err && err.cause instanceof postgres.PostgresError ? err.cause : err;
  return (
    e instanceof postgres.PostgresError && e.code === '23505' && (constraint === undefined || e.constraint_name === constraint)
  );
}
