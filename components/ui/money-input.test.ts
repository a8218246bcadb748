import { describe, expect, it } from 'vitest';
import { minorToMajorText, parseMajorToMinor } from './money-input';

describe('parseMajorToMinor', () => {
  it('reads two-decimal currencies with either decimal mark', () => {
    expect(parseMajorToMinor('89.90', 'PEN')).toBe(8990);
    expect(parseMajorToMinor('89,9', 'PEN')).toBe(8990);
    expect(parseMajorToMinor('1.234,50', 'PEN')).toBe(123450);
    expect(parseMajorToMinor('1,234.50', 'USD')).toBe(123450);
    expect(parseMajorToMinor('S/ 1 500', 'PEN')).toBe(150000);
    expect(parseMajorToMinor('1.500', 'PEN')).toBe(150000);
  });

  it('reads zero-decimal currencies with thousands marks', () => {
    expect(parseMajorToMinor('45.000', 'COP')).toBe(45000);
    expect(parseMajorToMinor('45000', 'CLP')).toBe(45000);
    expect(parseMajorToMinor('1,234,567', 'COP')).toBe(1234567);
  });

  it('returns null for empty text and NaN for what is not an amount', () => {
    expect(parseMajorToMinor('  ', 'PEN')).toBeNull();
    expect(parseMajorToMinor('abc', 'PEN')).toBeNaN();
    expect(parseMajorToMinor('1.2.3', 'PEN')).toBeNaN();
    expect(parseMajorToMinor('9.999', 'USD')).toBe(999900); // one mark + 3 digits groups thousands
    expect(parseMajorToMinor('9,99', 'COP')).toBeNaN(); // COP has no decimals
  });

  it('round-trips with minorToMajorText', () => {
    for (const [minor, cur] of [
      [8990, 'PEN'],
      [5, 'USD'],
      [45000, 'COP'],
      [0, 'MXN'],
    ] as const) {
      expect(parseMajorToMinor(minorToMajorText(minor, cur), cur)).toBe(minor);
    }
    expect(minorToMajorText(8990, 'PEN')).toBe('89.90');
    expect(minorToMajorText(5, 'USD')).toBe('0.05');
    expect(minorToMajorText(45000, 'COP')).toBe('45000');
  });
});
