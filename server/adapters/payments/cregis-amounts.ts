/**
 * Cregis sends amounts as decimal strings ("89.90", "11.250000"); we keep integer minor units. Conversions go through
 * BigInt so no float rounding ever decides how much money arrived.
 */
import { minorUnitDigits } from '../../../components/ui/money';

export type Decimal = { units: bigint; scale: number };

/** Plain non-negative decimals only: no sign, exponent, spaces or thousands separators. */
export function parseDecimal(text: unknown): Decimal | null {
  if (typeof text === 'number') text = Number.isFinite(text) && text >= 0 ? String(text) : '';
  if (typeof text !== 'string' || !/^\d{1,30}(\.\d{1,30})?$/.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return { units: BigInt(whole + frac), scale: frac.length };
}

export function minorToDecimal(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError(`invalid minor amount ${amountMinor}`);
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amountMinor);
  const s = String(amountMinor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/**
 * Minor units of `currency` for a decimal string. `exact` refuses more decimals than the currency has (a merchant
 * amount we sent must come back exactly); `floor` drops the excess (a received amount never rounds up in our favour).
 */
export function decimalToMinor(text: unknown, currency: string, mode: 'exact' | 'floor' = 'exact'): number | null {
  const d = parseDecimal(text);
  if (!d) return null;
  const digits = minorUnitDigits(currency);
  let minor: bigint;
  if (d.scale <= digits) minor = d.units * 10n ** BigInt(digits - d.scale);
  else {
    const div = 10n ** BigInt(d.scale - digits);
    if (mode === 'exact' && d.units % div !== 0n) return null;
    minor = d.units / div;
  }
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/**
 * What a crypto payment is worth in the order currency: the order amount scaled by paid/requested, rounded down.
 * Exact whenever the payer sent exactly the requested amount, whatever the exchange rate's decimals were.
 */
export function proportionalMinor(orderMinor: number, paid: Decimal, requested: Decimal): number | null {
  if (requested.units === 0n) return null;
  const scale = Math.max(paid.scale, requested.scale);
  const p = paid.units * 10n ** BigInt(scale - paid.scale);
  const r = requested.units * 10n ** BigInt(scale - requested.scale);
  const v = (BigInt(orderMinor) * p) / r;
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

/** Decimal text of `units / 10^scale` (for sums of decimals). */
export function formatDecimal(d: Decimal): string {
  if (d.scale === 0) return d.units.toString();
  const s = d.units.toString().padStart(d.scale + 1, '0');
  return `${s.slice(0, -d.scale)}.${s.slice(-d.scale)}`;
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}
