import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps same-site paths with query and hash', () => {
    expect(safeNextPath('/dashboard/productos?p=2#x')).toBe('/dashboard/productos?p=2#x');
    expect(safeNextPath('/')).toBe('/');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'dashboard',
    '/api/auth/refresh?next=/x',
    '/ingresar?next=/x',
  ])('falls back for %j', (raw) => {
    expect(safeNextPath(raw)).toBe('/dashboard');
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('//x', '/')).toBe('/');
  });
});
