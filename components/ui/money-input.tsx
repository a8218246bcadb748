import { forwardRef, type InputHTMLAttributes } from 'react';
import { minorUnitDigits } from './money';

/**
 * Forms show money in major units ("89.90") with the currency's decimals; the API takes integer minor units (8990).
 * `formatMoney` (display) lives in ./money.ts; these helpers cover the editable text.
 */

/** Minor units → the text a seller edits: "89.90" (PEN), "45000" (COP). No grouping, "." as decimal mark. */
export function minorToMajorText(amountMinor: number | null | undefined, currency: string): string {
  if (amountMinor === null || amountMinor === undefined) return '';
  const digits = minorUnitDigits(currency);
  const negative = amountMinor < 0;
  const abs = String(Math.abs(Math.trunc(amountMinor)));
  if (digits === 0) return `${negative ? '-' : ''}${abs}`;
  const padded = abs.padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * What a seller typed → minor units. Accepts "89.90", "89,90", "1.234,50", "1,234.50", "S/ 1 500", "45.000" (COP).
 * Returns null for empty text and NaN for text that is not an amount (so zod reports "Ingresa un monto.").
 * More decimals than the currency has → NaN rather than silent rounding.
 */
export function parseMajorToMinor(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/^[^\d,.-]+/, '')
    .replace(/[^\d,.-]+$/, '');
  if (cleaned === '') return text.trim() === '' ? null : Number.NaN;
  if (!/^-?[\d.,]+$/.test(cleaned) || !/\d/.test(cleaned)) return Number.NaN;
  const negative = cleaned.startsWith('-');
  const body = negative ? cleaned.slice(1) : cleaned;

  let intPart = body;
  let fracPart = '';
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both marks: the later one is the decimal mark, the other groups thousands.
    const decimalAt = Math.max(lastDot, lastComma);
    intPart = body.slice(0, decimalAt).replace(/[.,]/g, '');
    fracPart = body.slice(decimalAt + 1);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const pieces = body.split(mark);
    const tail = pieces[pieces.length - 1] ?? '';
    // One mark followed by up to `digits` digits is a decimal mark ("89.9", "89,90");
    // otherwise it groups thousands ("1.500", "45.000", "1,234,567").
    const isDecimal = digits > 0 && pieces.length === 2 && tail.length > 0 && tail.length <= digits;
    if (isDecimal) {
      intPart = pieces[0] ?? '';
      fracPart = tail;
    } else {
      if (pieces.slice(1).some((p) => p.length !== 3)) return Number.NaN;
      intPart = pieces.join('');
    }
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || fracPart.length > digits) return Number.NaN;
  const minor = Number(intPart || '0') * 10 ** digits + Number(fracPart.padEnd(digits, '0') || '0');
  return negative ? -minor : minor;
}

/** Example placeholder with the right number of decimals: "0.00" or "0". */
export function moneyPlaceholder(currency: string): string {
  const digits = minorUnitDigits(currency);
  return digits ? `0.${'0'.repeat(digits)}` : '0';
}

type MoneyInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode'> & {
  currency: string;
  invalid?: boolean;
};

/** A text input for a major-unit amount with the currency shown in front; register it like any input. */
export const MoneyInput = forwardRef<HTMLInputElement, MoneyInputProps>(function MoneyInput(
  { currency, invalid, className = '', placeholder, ...rest },
  ref,
) {
  return (
    <div
      className={`flex min-h-11 items-stretch overflow-hidden rounded-xl border bg-white focus-within:ring-2 focus-within:ring-violet-500 ${
        invalid ? 'border-red-500' : 'border-zinc-300'
      } ${className}`}
    >
      <span
        className="flex items-center border-r border-zinc-200 bg-zinc-50 px-3 text-sm font-medium text-zinc-600"
        aria-hidden="true"
      >
        {currency}
      </span>
      <input
        ref={ref}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder ?? moneyPlaceholder(currency)}
        aria-invalid={invalid || undefined}
        className="w-full min-w-0 flex-1 bg-transparent px-3 py-2 text-base tabular-nums outline-none"
        {...rest}
      />
    </div>
  );
});
