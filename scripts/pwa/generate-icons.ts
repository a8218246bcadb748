/**
 * Generates the PWA icons into public/icons/ from one SVG mark (sharp). The PNGs are committed; re-run after
 * changing the mark: `npx tsx scripts/pwa/generate-icons.ts`.
 *   icon-192.png, icon-512.png     "any" purpose (rounded tile)
 *   maskable-512.png               full-bleed background, mark inside the 80 % safe zone
 *   apple-touch-icon.png (180)     iOS home screen
 *   badge-96.png                   monochrome notification badge (Android status bar)
 *   shortcut-*.png (96)            manifest shortcuts
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const OUT = path.resolve('public/icons');
const VIOLET = '#7c3aed';
const DEEP = '#4c1d95';

const mark = (scale: number, color = '#ffffff') => {
  // A bold "V" with a spark, centred in a 512 box, scaled about the centre.
  const s = scale;
  const t = (v: number) => 256 + (v - 256) * s;
  return `<g fill="${color}"><path d="M${t(132)} ${t(150)}h${70 * s}l${54 * s} ${150 * s}l${54 * s}-${150 * s}h${70 * s}l-${94 * s} ${230 * s}h-${60 * s}z"/><circle cx="${t(372)}" cy="${t(132)}" r="${22 * s}"/></g>`;
};

const tile = (size: number, { rounded, scale }: { rounded: boolean; scale: number }) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${VIOLET}"/><stop offset="1" stop-color="${DEEP}"/></linearGradient></defs>
  <rect width="512" height="512" rx="${rounded ? 112 : 0}" fill="url(#g)"/>${mark(scale)}</svg>`);

const glyph = (d: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24"><rect width="24" height="24" rx="6" fill="${VIOLET}"/><g fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" transform="translate(3.6 3.6) scale(.7)">${d}</g></svg>`);

async function png(svg: Buffer, size: number, file: string) {
  await sharp(svg, { density: 300 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(OUT, file));
  console.log(file);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  await png(tile(512, { rounded: true, scale: 1 }), 192, 'icon-192.png');
  await png(tile(512, { rounded: true, scale: 1 }), 512, 'icon-512.png');
  await png(tile(512, { rounded: false, scale: 0.72 }), 512, 'maskable-512.png');
  await png(tile(512, { rounded: false, scale: 0.85 }), 180, 'apple-touch-icon.png');
  await png(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">${mark(1.1, '#000000')}</svg>`), 96, 'badge-96.png');
  await png(glyph('<path d="M12 5v14M5 12h14"/>'), 96, 'shortcut-new-product.png');
  await png(glyph('<path d="M6 7h12l-1 13H7L6 7Z"/><path d="M9 7a3 3 0 0 1 6 0"/>'), 96, 'shortcut-orders.png');
  await png(glyph('<circle cx="12" cy="12" r="3"/><path d="M5 5a10 10 0 0 0 0 14M19 5a10 10 0 0 1 0 14"/>'), 96, 'shortcut-live.png');
}

void main();
