import type { CSSProperties } from 'react';

function channel(hex: string, i: number) {
  const v = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** White or near-black text, whichever contrasts more with the brand colour. */
export function brandInk(hex: string): string {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#18181b' : '#ffffff';
}

/**
 * CSS variables for a store's brand: `--brand` (used by bg-brand/text-brand, whose theme value must be
 * overridden locally too) and `--brand-ink` for text on it.
 */
export function brandStyle(hex: string): CSSProperties {
  return { '--brand': hex, '--color-brand': hex, '--brand-ink': brandInk(hex) } as CSSProperties;
}

/** "+51 984 123 456" → "51984123456" for https://wa.me/<digits>. */
export function whatsappDigits(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 8 ? digits : null;
}
