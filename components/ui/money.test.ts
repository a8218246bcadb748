import { describe, expect, it } from 'vitest';
import { discountPercent, formatMoney, minorUnitDigits } from './money';

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('formatMoney', () => {
  it('uses the currency minor-unit digits Intl reports', () => {
    expect(minorUnitDigits('COP')).toBe(0);
    expect(minorUnitDigits('CLP')).toBe(0);
    expect(minorUnitDigits('PEN')).toBe(2);
    expect(nbsp(formatMoney(45000, 'COP'))).toBe('$ 45.000 COP');
    expect(nbsp(formatMoney(8990, 'PEN'))).toBe('S/ 89.90');
    expect(nbsp(formatMoney(12000, 'PEN'))).toBe('S/ 120');
    expect(nbsp(formatMoney(159900, 'MXN'))).toBe('$1,599 MXN');
    expect(nbsp(formatMoney(4550, 'USD'))).toBe('US$45.50');
    expect(nbsp(formatMoney(2500000, 'ARS'))).toBe('$ 25.000 ARS');
    expect(nbsp(formatMoney(1990, 'EUR'))).toBe('19,90 €');
  });
  it('computes a floor discount', () => {
    expect(discountPercent(8000, 10000)).toBe(20);
    expect(discountPercent(8000, null)).toBeNull();
    expect(discountPercent(8000, 8000)).toBeNull();
  });
});
