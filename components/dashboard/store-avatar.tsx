import Image from 'next/image';

/** Logo, or the store's initial on its brand colour. */
export function StoreAvatar({
  name,
  brandColor,
  logoUrl,
  size = 32,
  className = '',
}: {
  name: string;
  brandColor: string;
  logoUrl: string | null;
  size?: number;
  className?: string;
}) {
  if (logoUrl) {
    return (
      <span
        className={`relative inline-block shrink-0 overflow-hidden rounded-lg border border-zinc-200 bg-white ${className}`}
        style={{ width: size, height: size }}
      >
        <Image src={logoUrl} alt="" fill sizes={`${size}px`} className="object-cover" />
      </span>
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-lg font-bold ${className}`}
      style={{ width: size, height: size, backgroundColor: brandColor, color: readableOn(brandColor), fontSize: size * 0.45 }}
    >
      {name.trim().charAt(0).toUpperCase() || 'T'}
    </span>
  );
}

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function readableOn(hex: string): '#000000' | '#ffffff' {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return '#ffffff';
  const n = parseInt(m[1]!, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
