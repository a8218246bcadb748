import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './errors';

/** What postgres.js throws, built by hand as a second bundled copy of the module would (a different class). */
function foreignPostgresError(code: string, constraint_name: string) {
  class PostgresError extends Error {
    code = code;
    constraint_name = constraint_name;
    constructor(message: string) {
      super(message);
      this.name = 'PostgresError';
    }
  }
  return new PostgresError('duplicate key value violates unique constraint');
}

describe('isUniqueViolation', () => {
  it('recognises a unique violation from another copy of the driver (Next.js dev bundles twice)', () => {
    const err = foreignPostgresError('23505', 'stores_slug_idx');
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, 'stores_slug_idx')).toBe(true);
    expect(isUniqueViolation(err, 'other_idx')).toBe(false);
    expect(isUniqueViolation(new Error('wrapped', { cause: err }), 'stores_slug_idx')).toBe(true);
  });

  it('recognises it in the production build, where minification renames the error class (its name is then e.g. "k")', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "stores_slug_idx"'), { name: 'k', code: '23505', constraint_name: 'stores_slug_idx' });
    expect(isUniqueViolation(new Error('Failed query: update "stores"', { cause: err }), 'stores_slug_idx')).toBe(true);
  });

  it('ignores other errors', () => {
    expect(isUniqueViolation(foreignPostgresError('23503', 'stores_slug_idx'))).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
