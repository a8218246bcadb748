/**
 * Demo product photos, drawn rather than downloaded (no network here): an SVG studio shot — soft backdrop,
 * floor shadow, the object lit from the top left — rendered to WebP with sharp. Everything derives from the
 * inputs, so re-seeding produces byte-identical files.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';

export type ImageKind =
  | 'tshirt'
  | 'sweater'
  | 'poncho'
  | 'scarf'
  | 'beanie'
  | 'gloves'
  | 'socks'
  | 'dress'
  | 'blouse'
  | 'pants'
  | 'jacket'
  | 'hoodie'
  | 'cap'
  | 'sneaker'
  | 'sandal'
  | 'tote'
  | 'backpack'
  | 'beltbag'
  | 'perfume'
  | 'serum'
  | 'jar'
  | 'soap'
  | 'tube'
  | 'coffee'
  | 'mug'
  | 'bottle'
  | 'chocolate'
  | 'necklace'
  | 'earrings'
  | 'ring'
  | 'bracelet'
  | 'headphones'
  | 'earbuds'
  | 'phone'
  | 'watch'
  | 'speaker'
  | 'keyboard'
  | 'mouse'
  | 'cable'
  | 'powerbank'
  | 'laptopstand'
  | 'ball'
  | 'yogamat'
  | 'dumbbell'
  | 'bands'
  | 'leggings'
  | 'bowl'
  | 'collar'
  | 'petbed'
  | 'toy'
  | 'carrier'
  | 'bikini'
  | 'swimsuit'
  | 'trunks'
  | 'hat'
  | 'sunglasses'
  | 'towel'
  | 'blanket'
  | 'cushion'
  | 'rug'
  | 'vase'
  | 'alebrije'
  | 'candle'
  | 'frenchpress';

export type ImageSpec = {
  kind: ImageKind;
  /** Main colour of the object in this photo. */
  color: string;
  /** Secondary colour (patterns, labels, details). */
  accent: string;
  /** Short label printed on packaged goods ("HUILA", "MOLE NEGRO"). */
  label?: string;
  sublabel?: string;
  /** 0 = hero shot, 1 = alternate backdrop and angle, 2 = close-up. */
  shot: number;
  /** Seed for small deterministic variations. */
  seed: string;
};

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('')}`;
}

/** amt > 0 mixes with white, < 0 with black. */
export function shade(hex: string, amt: number): string {
  const c = rgb(hex);
  const t = amt < 0 ? 0 : 255;
  const p = Math.abs(amt);
  return toHex([c[0] + (t - c[0]) * p, c[1] + (t - c[1]) * p, c[2] + (t - c[2]) * p]);
}

function mix(a: string, b: string, p: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return toHex([x[0] + (y[0] - x[0]) * p, x[1] + (y[1] - x[1]) * p, x[2] + (y[2] - x[2]) * p]);
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex);
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type P = { c: string; d: string; l: string; a: string; ink: string; label: string; sub: string };

/** Fabric folds: a few soft translucent strokes. */
const folds = (paths: string[]) =>
  paths.map((d) => `<path d="${d}" fill="none" stroke="#000" stroke-opacity=".10" stroke-width="6" stroke-linecap="round"/>`).join('');

/** An Andean-style zigzag band used on knitwear and textiles. */
function zigzagBand(x: number, y: number, w: number, h: number, color: string, bg: string): string {
  const n = Math.max(4, Math.round(w / 40));
  const step = w / n;
  let d = `M${x} ${y + h}`;
  for (let i = 0; i < n; i++) d += ` L${x + step * i + step / 2} ${y} L${x + step * (i + 1)} ${y + h}`;
  return `<rect x="${x}" y="${y - 8}" width="${w}" height="${h + 16}" fill="${bg}"/><path d="${d}" fill="none" stroke="${color}" stroke-width="9" stroke-linejoin="round"/>`;
}

function diamonds(x: number, y: number, w: number, size: number, color: string): string {
  const n = Math.floor(w / (size * 1.6));
  const gap = w / n;
  let out = '';
  for (let i = 0; i < n; i++) {
    const cx = x + gap * i + gap / 2;
    out += `<path d="M${cx} ${y - size / 2} L${cx + size / 2} ${y} L${cx} ${y + size / 2} L${cx - size / 2} ${y} Z" fill="${color}"/>`;
  }
  return out;
}

function labelText(x: number, y: number, text: string, size: number, color: string, weight = 700, spacing = 2): string {
  return `<text x="${x}" y="${y}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${size}" font-weight="${weight}" letter-spacing="${spacing}" text-anchor="middle" fill="${color}">${esc(text)}</text>`;
}

const DRAW: Record<ImageKind, (p: P) => string> = {
  tshirt: (p) =>
    `<path d="M270 200 L345 168 Q400 210 455 168 L530 200 L640 290 L580 362 L540 330 L540 640 Q400 662 260 640 L260 330 L220 362 L160 290 Z" fill="url(#obj)"/>` +
    `<path d="M345 168 Q400 222 455 168" fill="none" stroke="${p.d}" stroke-width="12"/>` +
    folds(['M300 420 Q320 520 300 600', 'M500 430 Q480 520 505 610']),
  sweater: (p) =>
    `<path d="M265 200 L345 168 Q400 206 455 168 L535 200 Q610 240 640 330 L660 600 L590 612 L560 360 L540 360 L540 640 Q400 660 260 640 L260 360 L240 360 L210 612 L140 600 L160 330 Q190 240 265 200 Z" fill="url(#obj)"/>` +
    zigzagBand(262, 400, 276, 44, p.a, shade(p.c, -0.15)) +
    diamonds(262, 488, 276, 26, p.l) +
    `<rect x="262" y="610" width="276" height="26" fill="${shade(p.c, -0.2)}"/>` +
    `<path d="M345 168 Q400 214 455 168" fill="none" stroke="${p.d}" stroke-width="16"/>`,
  poncho: (p) =>
    `<path d="M400 170 L660 430 L570 650 L230 650 L140 430 Z" fill="url(#obj)"/>` +
    `<path d="M180 470 L620 470" stroke="${p.a}" stroke-width="26"/>` +
    zigzagBand(205, 520, 390, 40, p.l, shade(p.c, -0.18)) +
    `<path d="M215 600 L585 600" stroke="${p.a}" stroke-width="14"/>` +
    `<ellipse cx="400" cy="210" rx="52" ry="26" fill="${p.d}"/>` +
    Array.from({ length: 18 }, (_, i) => `<path d="M${240 + i * 19} 650 L${240 + i * 19} 690" stroke="${p.d}" stroke-width="6" stroke-linecap="round"/>`).join(''),
  scarf: (p) =>
    `<path d="M250 200 Q400 150 550 200 L560 260 Q400 215 240 260 Z" fill="url(#obj)"/>` +
    `<path d="M300 240 L270 640 L380 640 L400 250 Z" fill="url(#obj)"/>` +
    `<path d="M420 250 L470 600 L560 580 L520 230 Z" fill="${shade(p.c, -0.12)}"/>` +
    zigzagBand(276, 540, 100, 30, p.a, shade(p.c, -0.15)) +
    Array.from({ length: 7 }, (_, i) => `<path d="M${276 + i * 16} 640 L${276 + i * 16} 685" stroke="${p.d}" stroke-width="6" stroke-linecap="round"/>`).join(''),
  beanie: (p) =>
    `<path d="M230 520 Q230 260 400 250 Q570 260 570 520 Z" fill="url(#obj)"/>` +
    zigzagBand(232, 420, 336, 36, p.a, shade(p.c, -0.12)) +
    `<rect x="215" y="510" width="370" height="90" rx="20" fill="${shade(p.c, -0.18)}"/>` +
    Array.from({ length: 12 }, (_, i) => `<path d="M${240 + i * 30} 520 L${240 + i * 30} 590" stroke="#000" stroke-opacity=".12" stroke-width="6"/>`).join('') +
    `<circle cx="400" cy="230" r="44" fill="${p.l}"/>` +
    `<path d="M250 600 L230 680 M550 600 L570 680" stroke="${p.d}" stroke-width="14" stroke-linecap="round"/>`,
  gloves: (p) =>
    [0, 1]
      .map((i) => {
        const dx = i === 0 ? 0 : 230;
        return `<g transform="translate(${dx} ${i * 20})"><path d="M200 600 L200 360 Q200 330 225 330 Q250 330 250 360 L250 300 Q250 272 275 272 Q300 272 300 300 L300 290 Q300 262 325 262 Q350 262 350 290 L350 320 Q350 295 372 295 Q395 295 395 320 L395 470 L430 420 Q450 395 470 412 Q485 428 465 455 L395 560 L395 600 Z" fill="url(#obj)"/><rect x="195" y="560" width="205" height="60" rx="10" fill="${p.a}"/></g>`;
      })
      .join(''),
  socks: (p) =>
    [0, 1]
      .map(
        (i) =>
          `<g transform="translate(${i * 170 - 40} ${i * 30})"><path d="M260 200 L380 200 L380 500 Q380 540 420 560 L480 590 Q520 610 505 650 Q490 680 440 665 L300 610 Q260 590 260 540 Z" fill="url(#obj)"/><rect x="260" y="200" width="120" height="50" fill="${p.a}"/>${zigzagBand(262, 330, 116, 28, p.l, shade(p.c, -0.1))}</g>`,
      )
      .join(''),
  dress: (p) =>
    `<path d="M350 160 L372 160 L382 230 L418 230 L428 160 L450 160 L470 270 Q440 310 452 340 L600 650 Q400 690 200 650 L348 340 Q360 310 330 270 Z" fill="url(#obj)"/>` +
    `<path d="M338 300 Q400 320 462 300" fill="none" stroke="${p.a}" stroke-width="14"/>` +
    folds(['M360 400 Q330 520 300 640', 'M440 400 Q470 520 500 640', 'M400 380 L400 650']),
  blouse: (p) =>
    `<path d="M270 200 L350 170 Q400 200 450 170 L530 200 L630 330 L575 380 L535 320 L540 620 Q400 645 260 620 L265 320 L225 380 L170 330 Z" fill="url(#obj)"/>` +
    `<path d="M350 170 Q400 240 450 170" fill="${shade(p.c, -0.06)}" stroke="${p.a}" stroke-width="6"/>` +
    Array.from({ length: 7 }, (_, i) => {
      const a = (i / 7) * Math.PI * 2;
      return `<circle cx="${400 + Math.cos(a) * 46}" cy="${300 + Math.sin(a) * 46}" r="16" fill="${i % 2 ? p.a : p.l}"/>`;
    }).join('') +
    `<circle cx="400" cy="300" r="18" fill="${shade(p.a, -0.2)}"/>` +
    Array.from({ length: 9 }, (_, i) => `<circle cx="${290 + i * 27.5}" cy="590" r="9" fill="${i % 2 ? p.a : p.l}"/>`).join(''),
  pants: (p) =>
    `<path d="M290 170 L510 170 L545 660 L425 660 L400 340 L375 660 L255 660 Z" fill="url(#obj)"/>` +
    `<rect x="288" y="168" width="224" height="34" fill="${shade(p.c, -0.15)}"/>` +
    `<path d="M310 205 Q330 260 372 262 M490 205 Q470 260 428 262" fill="none" stroke="${p.a}" stroke-width="5" stroke-dasharray="10 8"/>` +
    `<path d="M400 205 L400 330" stroke="${p.a}" stroke-width="5" stroke-dasharray="10 8"/>` +
    folds(['M320 420 Q330 520 310 620', 'M480 420 Q470 520 490 620']),
  jacket: (p) =>
    `<path d="M260 200 L350 170 L400 240 L450 170 L540 200 Q610 240 635 330 L660 600 L590 612 L560 360 L545 360 L545 650 L255 650 L255 360 L240 360 L210 612 L140 600 L165 330 Q190 240 260 200 Z" fill="url(#obj)"/>` +
    `<path d="M400 240 L400 650" stroke="${p.d}" stroke-width="8"/>` +
    `<path d="M350 170 L400 240 L380 330 Z M450 170 L400 240 L420 330 Z" fill="${shade(p.c, -0.2)}"/>` +
    [300, 380, 460, 540].map((y) => `<circle cx="${y < 400 ? 0 : 0}" cy="0" r="0"/><circle cx="420" cy="${y + 20}" r="8" fill="${p.a}"/>`).join('') +
    `<rect x="285" y="430" width="80" height="60" rx="8" fill="none" stroke="${p.a}" stroke-width="5" stroke-dasharray="8 6"/><rect x="435" y="430" width="80" height="60" rx="8" fill="none" stroke="${p.a}" stroke-width="5" stroke-dasharray="8 6"/>`,
  hoodie: (p) =>
    `<path d="M265 220 L340 190 Q330 130 400 120 Q470 130 460 190 L535 220 Q610 260 635 340 L660 600 L590 612 L560 380 L545 380 L545 650 L255 650 L255 380 L240 380 L210 612 L140 600 L165 340 Q190 260 265 220 Z" fill="url(#obj)"/>` +
    `<path d="M340 190 Q400 260 460 190" fill="${shade(p.c, -0.25)}"/>` +
    `<path d="M380 245 L375 330 M420 245 L425 330" stroke="${p.l}" stroke-width="7" stroke-linecap="round"/>` +
    `<path d="M300 470 L500 470 L520 580 L280 580 Z" fill="${shade(p.c, -0.1)}"/>` +
    `<rect x="255" y="620" width="290" height="30" fill="${shade(p.c, -0.18)}"/>`,
  cap: (p) =>
    `<path d="M220 470 Q220 250 400 240 Q580 250 580 470 Z" fill="url(#obj)"/>` +
    `<path d="M220 470 Q400 430 580 470 Q660 480 690 520 Q560 560 400 520 Q300 500 220 470 Z" fill="${shade(p.c, -0.2)}"/>` +
    `<path d="M400 245 L400 470 M300 270 Q330 360 320 465 M500 270 Q470 360 480 465" fill="none" stroke="#000" stroke-opacity=".12" stroke-width="5"/>` +
    `<circle cx="400" cy="250" r="14" fill="${p.d}"/>` +
    `<rect x="345" y="360" width="110" height="56" rx="8" fill="${p.a}"/>` +
    labelText(400, 398, p.label.slice(0, 5), 28, luminance(p.a) > 0.6 ? '#1c1917' : '#fff'),
  sneaker: (p) =>
    `<path d="M140 560 Q140 610 200 612 L650 612 Q690 610 690 570 L680 540 L150 540 Z" fill="#fafaf9" stroke="#d6d3d1" stroke-width="4"/>` +
    `<path d="M145 590 L688 590" stroke="${p.a}" stroke-width="10"/>` +
    `<path d="M160 540 Q150 440 225 425 L330 405 Q380 330 440 320 L480 330 Q505 420 590 452 Q680 475 682 540 Z" fill="url(#obj)"/>` +
    `<path d="M290 500 Q430 420 600 480" fill="none" stroke="${p.l}" stroke-width="18" stroke-linecap="round"/>` +
    [0, 1, 2, 3].map((i) => `<path d="M${365 + i * 22} ${390 + i * 14} l40 -18" stroke="#fafaf9" stroke-width="7" stroke-linecap="round"/>`).join('') +
    `<path d="M440 320 Q470 300 500 332" fill="none" stroke="${p.d}" stroke-width="10"/>`,
  sandal: (p) =>
    `<path d="M190 560 Q170 470 260 450 L600 430 Q680 440 670 520 Q660 580 560 590 L260 600 Q200 600 190 560 Z" fill="${shade(p.a, 0.1)}" stroke="${shade(p.a, -0.25)}" stroke-width="6"/>` +
    `<path d="M330 470 Q380 360 470 360 Q540 370 560 450" fill="none" stroke="url(#obj)" stroke-width="46" stroke-linecap="round"/>` +
    `<path d="M250 470 Q270 400 320 420" fill="none" stroke="${p.c}" stroke-width="30" stroke-linecap="round"/>` +
    [0, 1, 2, 3, 4, 5].map((i) => `<path d="M${360 + i * 30} 380 l-10 40" stroke="${p.d}" stroke-width="5"/>`).join(''),
  tote: (p) =>
    `<path d="M300 320 Q300 170 400 170 Q500 170 500 320" fill="none" stroke="${p.d}" stroke-width="24" stroke-linecap="round"/>` +
    `<path d="M220 300 L580 300 L560 650 Q400 670 240 650 Z" fill="url(#obj)"/>` +
    zigzagBand(228, 400, 344, 44, p.a, shade(p.c, -0.15)) +
    diamonds(232, 500, 336, 28, p.l) +
    zigzagBand(236, 560, 328, 34, p.a, shade(p.c, -0.15)),
  backpack: (p) =>
    `<path d="M330 230 Q330 160 400 160 Q470 160 470 230" fill="none" stroke="${p.d}" stroke-width="18"/>` +
    `<rect x="250" y="220" width="300" height="420" rx="70" fill="url(#obj)"/>` +
    `<rect x="290" y="430" width="220" height="170" rx="34" fill="${shade(p.c, -0.12)}"/>` +
    `<path d="M300 470 L500 470" stroke="${p.a}" stroke-width="8"/>` +
    `<circle cx="480" cy="470" r="10" fill="${p.l}"/>` +
    `<rect x="330" y="280" width="140" height="26" rx="13" fill="${p.a}"/>`,
  beltbag: (p) =>
    `<path d="M120 410 Q400 360 680 410" fill="none" stroke="${p.d}" stroke-width="26"/>` +
    `<path d="M230 380 Q400 330 570 380 Q610 460 560 560 Q400 610 240 560 Q190 460 230 380 Z" fill="url(#obj)"/>` +
    `<path d="M240 440 Q400 400 560 440" fill="none" stroke="${p.a}" stroke-width="8"/>` +
    `<rect x="530" y="430" width="30" height="20" rx="4" fill="${p.l}"/>` +
    `<rect x="355" y="480" width="90" height="36" rx="6" fill="${p.a}"/>`,
  perfume: (p) =>
    `<rect x="360" y="200" width="80" height="70" rx="10" fill="${p.a}"/>` +
    `<rect x="378" y="260" width="44" height="40" fill="${shade(p.a, -0.2)}"/>` +
    `<rect x="270" y="295" width="260" height="330" rx="40" fill="url(#glass)" stroke="${shade(p.c, -0.2)}" stroke-width="4"/>` +
    `<rect x="288" y="380" width="224" height="228" rx="28" fill="${p.c}" opacity=".75"/>` +
    `<rect x="310" y="440" width="180" height="90" rx="8" fill="#fff" opacity=".9"/>` +
    labelText(400, 485, p.label, 26, '#1c1917', 700, 3) +
    labelText(400, 515, p.sub, 16, '#57534e', 400, 1) +
    `<path d="M300 320 L300 590" stroke="#fff" stroke-opacity=".45" stroke-width="12" stroke-linecap="round"/>`,
  serum: (p) =>
    `<ellipse cx="400" cy="190" rx="38" ry="48" fill="${p.d}"/>` +
    `<rect x="350" y="225" width="100" height="60" rx="8" fill="${p.a}"/>` +
    `<rect x="310" y="280" width="180" height="340" rx="34" fill="url(#glass)" stroke="${shade(p.c, -0.3)}" stroke-width="4"/>` +
    `<rect x="322" y="380" width="156" height="228" rx="24" fill="${p.c}" opacity=".8"/>` +
    `<rect x="330" y="420" width="140" height="120" rx="6" fill="#fff" opacity=".92"/>` +
    labelText(400, 470, p.label, 22, '#1c1917', 700, 2) +
    labelText(400, 500, p.sub, 15, '#57534e', 400, 1) +
    `<path d="M330 300 L330 590" stroke="#fff" stroke-opacity=".4" stroke-width="10" stroke-linecap="round"/>`,
  jar: (p) =>
    `<rect x="255" y="260" width="290" height="70" rx="16" fill="${p.a}"/>` +
    `<path d="M255 290 L545 290" stroke="#000" stroke-opacity=".15" stroke-width="4"/>` +
    `<rect x="265" y="320" width="270" height="310" rx="44" fill="url(#obj)"/>` +
    `<rect x="285" y="400" width="230" height="150" rx="10" fill="#fffbf5"/>` +
    `<rect x="285" y="400" width="230" height="18" fill="${p.a}"/>` +
    labelText(400, 475, p.label, p.label.length > 8 ? 24 : 30, '#1c1917', 800, p.label.length > 8 ? 1 : 2) +
    labelText(400, 515, p.sub, p.sub.length > 20 ? 14 : 17, '#57534e', 400, 0) +
    `<path d="M285 340 L285 610" stroke="#fff" stroke-opacity=".25" stroke-width="12" stroke-linecap="round"/>`,
  soap: (p) =>
    `<rect x="210" y="380" width="380" height="200" rx="60" fill="url(#obj)"/>` +
    `<rect x="250" y="400" width="300" height="150" rx="44" fill="#000" opacity=".06"/>` +
    labelText(400, 492, p.label, 34, shade(p.c, -0.35), 800, 4) +
    `<rect x="260" y="250" width="280" height="110" rx="10" fill="${p.a}"/>` +
    labelText(400, 318, p.sub, 20, luminance(p.a) > 0.6 ? '#1c1917' : '#fff', 600, 2),
  tube: (p) =>
    `<path d="M300 200 L500 200 L470 560 L330 560 Z" fill="url(#obj)"/>` +
    `<rect x="296" y="180" width="208" height="28" rx="4" fill="${shade(p.c, -0.1)}"/>` +
    `<rect x="350" y="560" width="100" height="80" rx="12" fill="${p.a}"/>` +
    labelText(400, 350, p.label, 26, shade(p.c, -0.5), 800, 2) +
    labelText(400, 385, p.sub, 16, shade(p.c, -0.4), 400, 1),
  coffee: (p) =>
    `<path d="M265 210 L535 210 L555 640 Q400 660 245 640 Z" fill="url(#obj)"/>` +
    `<rect x="258" y="195" width="284" height="48" rx="6" fill="${shade(p.c, -0.2)}"/>` +
    Array.from({ length: 14 }, (_, i) => `<path d="M${270 + i * 20} 200 L${270 + i * 20} 238" stroke="#000" stroke-opacity=".18" stroke-width="4"/>`).join('') +
    `<circle cx="400" cy="290" r="14" fill="${shade(p.c, -0.3)}"/>` +
    `<rect x="295" y="360" width="210" height="200" rx="12" fill="${p.a}"/>` +
    labelText(400, 430, p.label, p.label.length > 8 ? 28 : 36, luminance(p.a) > 0.6 ? '#1c1917' : '#fff', 800, 3) +
    labelText(400, 470, p.sub, 17, luminance(p.a) > 0.6 ? '#44403c' : '#f5f5f4', 400, 1) +
    `<ellipse cx="360" cy="515" rx="16" ry="11" fill="${shade(p.c, -0.2)}" transform="rotate(-30 360 515)"/><ellipse cx="400" cy="525" rx="16" ry="11" fill="${shade(p.c, -0.2)}"/><ellipse cx="440" cy="515" rx="16" ry="11" fill="${shade(p.c, -0.2)}" transform="rotate(30 440 515)"/>`,
  mug: (p) =>
    `<path d="M520 360 Q620 360 620 450 Q620 540 515 545" fill="none" stroke="${shade(p.c, -0.1)}" stroke-width="34"/>` +
    `<path d="M250 300 L540 300 L525 600 Q400 640 265 600 Z" fill="url(#obj)"/>` +
    `<ellipse cx="395" cy="300" rx="145" ry="28" fill="${shade(p.c, -0.25)}"/>` +
    `<ellipse cx="395" cy="304" rx="130" ry="20" fill="#4a2c1a"/>` +
    `<path d="M265 440 Q400 470 530 440" fill="none" stroke="${p.a}" stroke-width="16"/>` +
    [0, 1, 2].map((i) => `<path d="M${350 + i * 45} 260 Q${330 + i * 45} 220 ${350 + i * 45} 190 Q${370 + i * 45} 160 ${350 + i * 45} 130" fill="none" stroke="#fff" stroke-opacity=".7" stroke-width="8" stroke-linecap="round"/>`).join(''),
  bottle: (p) =>
    `<rect x="345" y="150" width="110" height="70" rx="14" fill="${p.a}"/>` +
    `<rect x="300" y="210" width="200" height="430" rx="60" fill="url(#obj)"/>` +
    `<rect x="300" y="330" width="200" height="110" fill="${shade(p.c, -0.12)}"/>` +
    labelText(400, 395, p.label, 26, luminance(p.c) > 0.6 ? '#1c1917' : '#fff', 800, 3) +
    `<path d="M330 240 L330 610" stroke="#fff" stroke-opacity=".35" stroke-width="12" stroke-linecap="round"/>`,
  chocolate: (p) =>
    `<g transform="rotate(-8 400 420)"><rect x="210" y="270" width="380" height="300" rx="14" fill="#5b3421"/>` +
    Array.from({ length: 3 }, (_, r) => Array.from({ length: 4 }, (_, c) => `<rect x="${225 + c * 92}" y="${285 + r * 92}" width="80" height="80" rx="6" fill="#6e412a"/>`).join('')).join('') +
    `<rect x="195" y="390" width="410" height="200" rx="10" fill="url(#obj)"/>` +
    `<rect x="195" y="390" width="410" height="16" fill="${p.a}"/>` +
    labelText(400, 480, p.label, 36, luminance(p.c) > 0.6 ? '#1c1917' : '#fff', 800, 4) +
    labelText(400, 520, p.sub, 18, luminance(p.c) > 0.6 ? '#44403c' : '#fde68a', 400, 1) +
    `</g>`,
  necklace: (p) =>
    `<path d="M240 210 Q250 520 400 560 Q550 520 560 210" fill="none" stroke="${p.l}" stroke-width="6"/>` +
    Array.from({ length: 17 }, (_, i) => {
      const t = i / 16;
      const x = (1 - t) ** 2 * 245 + 2 * (1 - t) * t * 400 + t ** 2 * 555;
      const y = (1 - t) ** 2 * 300 + 2 * (1 - t) * t * 640 + t ** 2 * 300;
      return `<circle cx="${x}" cy="${y - 40}" r="9" fill="${p.l}"/>`;
    }).join('') +
    `<path d="M400 560 L360 600 L400 690 L440 600 Z" fill="url(#gem)" stroke="${p.l}" stroke-width="8"/>`,
  earrings: (p) =>
    [300, 500]
      .map(
        (x) =>
          `<circle cx="${x}" cy="260" r="16" fill="none" stroke="${p.l}" stroke-width="7"/><path d="M${x} 276 L${x} 320" stroke="${p.l}" stroke-width="6"/>` +
          `<path d="M${x} 320 Q${x - 80} 420 ${x} 540 Q${x + 80} 420 ${x} 320 Z" fill="none" stroke="${p.l}" stroke-width="10"/>` +
          `<path d="M${x} 360 Q${x - 45} 430 ${x} 500 Q${x + 45} 430 ${x} 360 Z" fill="none" stroke="${p.l}" stroke-width="4" stroke-dasharray="6 5"/>` +
          `<circle cx="${x}" cy="560" r="28" fill="url(#gem)" stroke="${p.l}" stroke-width="6"/>`,
      )
      .join(''),
  ring: (p) =>
    `<ellipse cx="400" cy="470" rx="150" ry="150" fill="none" stroke="${p.l}" stroke-width="30"/>` +
    `<ellipse cx="400" cy="470" rx="150" ry="150" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="6" transform="translate(-8 -8)"/>` +
    `<path d="M330 330 L470 330 L440 280 L360 280 Z" fill="${p.l}"/>` +
    `<ellipse cx="400" cy="285" rx="72" ry="60" fill="url(#gem)" stroke="${p.l}" stroke-width="10"/>` +
    `<ellipse cx="380" cy="265" rx="18" ry="12" fill="#fff" opacity=".5"/>`,
  bracelet: (p) =>
    `<ellipse cx="400" cy="430" rx="210" ry="150" fill="none" stroke="${p.l}" stroke-width="10"/>` +
    Array.from({ length: 22 }, (_, i) => {
      const a = (i / 22) * Math.PI * 2;
      return `<circle cx="${400 + Math.cos(a) * 210}" cy="${430 + Math.sin(a) * 150}" r="${i % 3 === 0 ? 22 : 15}" fill="${i % 3 === 0 ? 'url(#gem)' : p.l}"/>`;
    }).join(''),
  headphones: (p) =>
    `<path d="M230 470 Q230 200 400 200 Q570 200 570 470" fill="none" stroke="url(#obj)" stroke-width="34" stroke-linecap="round"/>` +
    `<rect x="190" y="420" width="110" height="180" rx="50" fill="url(#obj)"/>` +
    `<rect x="500" y="420" width="110" height="180" rx="50" fill="url(#obj)"/>` +
    `<rect x="270" y="445" width="40" height="130" rx="18" fill="${p.a}"/>` +
    `<rect x="490" y="445" width="40" height="130" rx="18" fill="${p.a}"/>`,
  earbuds: (p) =>
    `<rect x="250" y="330" width="300" height="250" rx="105" fill="url(#obj)"/>` +
    `<path d="M252 420 L548 420" stroke="#000" stroke-opacity=".18" stroke-width="4"/>` +
    `<circle cx="400" cy="490" r="8" fill="${p.a}"/>` +
    [0, 1]
      .map(
        (i) =>
          `<g transform="translate(${i ? 585 : 215} ${i ? 560 : 545}) rotate(${i ? 25 : -25})"><rect x="-13" y="-10" width="26" height="95" rx="13" fill="${shade(p.c, 0.1)}"/><circle cx="0" cy="-20" r="40" fill="${shade(p.c, 0.1)}"/><circle cx="0" cy="-20" r="18" fill="${shade(p.c, -0.35)}"/></g>`,
      )
      .join(''),
  phone: (p) =>
    `<rect x="285" y="150" width="230" height="470" rx="38" fill="url(#obj)"/>` +
    `<rect x="300" y="170" width="60" height="100" rx="18" fill="${shade(p.c, -0.3)}"/>` +
    `<circle cx="330" cy="200" r="16" fill="#111"/><circle cx="330" cy="240" r="16" fill="#111"/>` +
    `<path d="M380 500 Q400 420 430 470 Q460 520 480 440" fill="none" stroke="${p.a}" stroke-width="10" stroke-linecap="round"/>`,
  watch: (p) =>
    `<rect x="340" y="130" width="120" height="540" rx="40" fill="${p.c}"/>` +
    `<rect x="300" y="270" width="200" height="240" rx="54" fill="#1c1917"/>` +
    `<rect x="318" y="288" width="164" height="204" rx="40" fill="url(#screen)"/>` +
    labelText(400, 380, '10:09', 44, '#fff', 700, 1) +
    `<path d="M345 430 Q360 410 375 430 Q390 450 405 420 Q420 390 455 430" fill="none" stroke="${p.a}" stroke-width="6"/>` +
    `<rect x="498" y="340" width="14" height="50" rx="6" fill="#44403c"/>`,
  speaker: (p) =>
    `<rect x="210" y="300" width="380" height="250" rx="120" fill="url(#obj)"/>` +
    Array.from({ length: 9 }, (_, r) => Array.from({ length: 20 }, (_, c) => `<circle cx="${262 + c * 14.5}" cy="${345 + r * 20}" r="3" fill="#000" opacity=".25"/>`).join('')).join('') +
    `<rect x="350" y="520" width="100" height="20" rx="10" fill="${p.a}"/>` +
    `<path d="M200 420 L180 420 M620 420 L600 420" stroke="${p.d}" stroke-width="30" stroke-linecap="round"/>`,
  keyboard: (p) =>
    `<g transform="rotate(-6 400 430)"><rect x="140" y="330" width="520" height="210" rx="22" fill="url(#obj)"/>` +
    Array.from({ length: 4 }, (_, r) => Array.from({ length: 12 }, (_, c) => `<rect x="${160 + c * 41.5}" y="${350 + r * 42}" width="34" height="34" rx="6" fill="${(r + c) % 7 === 0 ? p.a : shade(p.c, 0.18)}"/>`).join('')).join('') +
    `<rect x="260" y="520" width="280" height="0" />` +
    `</g>`,
  mouse: (p) =>
    `<path d="M400 200 Q540 200 545 380 L545 500 Q540 650 400 650 Q260 650 255 500 L255 380 Q260 200 400 200 Z" fill="url(#obj)"/>` +
    `<path d="M400 205 L400 360 M258 360 Q400 380 542 360" fill="none" stroke="#000" stroke-opacity=".2" stroke-width="5"/>` +
    `<rect x="388" y="250" width="24" height="60" rx="12" fill="${p.a}"/>`,
  cable: (p) =>
    `<path d="M250 220 Q650 260 560 420 Q470 560 250 480 Q120 430 300 620" fill="none" stroke="url(#obj)" stroke-width="22" stroke-linecap="round"/>` +
    `<rect x="220" y="180" width="60" height="90" rx="12" fill="${p.a}" transform="rotate(-10 250 225)"/>` +
    `<rect x="270" y="600" width="60" height="90" rx="12" fill="${p.a}" transform="rotate(20 300 645)"/>`,
  powerbank: (p) =>
    `<rect x="270" y="190" width="260" height="440" rx="44" fill="url(#obj)"/>` +
    [0, 1, 2, 3].map((i) => `<circle cx="${355 + i * 30}" cy="560" r="8" fill="${i < 3 ? p.a : shade(p.c, 0.3)}"/>`).join('') +
    `<path d="M410 320 L370 410 L410 410 L385 480 L445 380 L405 380 L430 320 Z" fill="${p.a}"/>`,
  laptopstand: (p) =>
    `<path d="M180 560 L620 560 L560 320 L520 320 L560 520 L240 520 L280 320 L240 320 Z" fill="url(#obj)"/>` +
    `<path d="M230 300 L570 300 L600 330 L200 330 Z" fill="${shade(p.c, -0.15)}"/>`,
  ball: (p) =>
    `<circle cx="400" cy="420" r="210" fill="url(#ball)"/>` +
    `<path d="M400 330 L460 375 L438 445 L362 445 L340 375 Z" fill="${p.a}"/>` +
    `<path d="M400 330 L400 215 M460 375 L570 340 M438 445 L500 540 M362 445 L300 540 M340 375 L230 340" stroke="${p.a}" stroke-width="6"/>` +
    `<path d="M400 215 L330 230 M400 215 L470 230 M570 340 L600 410 M500 540 L560 510 M300 540 L240 510 M230 340 L200 410" stroke="${p.a}" stroke-width="6"/>`,
  yogamat: (p) =>
    `<rect x="210" y="300" width="380" height="220" rx="0" fill="url(#obj)"/>` +
    `<ellipse cx="590" cy="410" rx="50" ry="110" fill="${shade(p.c, -0.1)}"/>` +
    `<ellipse cx="590" cy="410" rx="30" ry="80" fill="${shade(p.c, -0.25)}"/><ellipse cx="590" cy="410" rx="12" ry="40" fill="${shade(p.c, -0.4)}"/>` +
    `<ellipse cx="210" cy="410" rx="50" ry="110" fill="${shade(p.c, 0.1)}"/>` +
    `<path d="M300 300 L300 520 M480 300 L480 520" stroke="${p.a}" stroke-width="18"/>`,
  dumbbell: (p) =>
    `<rect x="260" y="395" width="280" height="40" rx="12" fill="#a8a29e"/>` +
    `<rect x="190" y="310" width="90" height="210" rx="24" fill="url(#obj)"/><rect x="520" y="310" width="90" height="210" rx="24" fill="url(#obj)"/>` +
    `<rect x="160" y="345" width="40" height="140" rx="14" fill="${shade(p.c, -0.2)}"/><rect x="600" y="345" width="40" height="140" rx="14" fill="${shade(p.c, -0.2)}"/>` +
    labelText(235, 425, p.label, 24, '#fff', 800, 0) +
    labelText(565, 425, p.label, 24, '#fff', 800, 0),
  bands: (p) =>
    [0, 1, 2].map((i) => `<ellipse cx="${330 + i * 70}" cy="${420 - i * 20}" rx="170" ry="${90 - i * 8}" fill="none" stroke="${[p.c, p.a, shade(p.c, 0.35)][i]}" stroke-width="26" transform="rotate(${-15 + i * 12} ${330 + i * 70} ${420 - i * 20})"/>`).join(''),
  leggings: (p) =>
    `<path d="M300 170 L500 170 L520 660 L430 660 L400 330 L370 660 L280 660 Z" fill="url(#obj)"/>` +
    `<rect x="298" y="168" width="204" height="46" rx="6" fill="${shade(p.c, -0.15)}"/>` +
    `<path d="M310 300 L290 640 M490 300 L510 640" stroke="${p.a}" stroke-width="10"/>`,
  bowl: (p) =>
    `<ellipse cx="400" cy="470" rx="220" ry="56" fill="${shade(p.c, -0.2)}"/>` +
    `<path d="M180 470 Q200 620 400 620 Q600 620 620 470 Z" fill="url(#obj)"/>` +
    `<ellipse cx="400" cy="470" rx="190" ry="42" fill="#8b5a2b"/>` +
    Array.from({ length: 16 }, (_, i) => `<circle cx="${250 + (i % 8) * 40 + (i > 7 ? 20 : 0)}" cy="${460 + (i > 7 ? 14 : 0)}" r="13" fill="#a0522d"/>`).join('') +
    `<g transform="rotate(-20 400 300)"><rect x="330" y="285" width="140" height="30" rx="15" fill="#f5f5f4"/><circle cx="330" cy="285" r="22" fill="#f5f5f4"/><circle cx="330" cy="315" r="22" fill="#f5f5f4"/><circle cx="470" cy="285" r="22" fill="#f5f5f4"/><circle cx="470" cy="315" r="22" fill="#f5f5f4"/></g>`,
  collar: (p) =>
    `<ellipse cx="400" cy="400" rx="200" ry="160" fill="none" stroke="url(#obj)" stroke-width="44"/>` +
    `<ellipse cx="400" cy="400" rx="200" ry="160" fill="none" stroke="${p.a}" stroke-width="6" stroke-dasharray="14 10"/>` +
    `<rect x="370" y="530" width="60" height="40" rx="8" fill="#d6d3d1"/>` +
    `<circle cx="400" cy="620" r="44" fill="${p.l}" stroke="#a8a29e" stroke-width="6"/>` +
    labelText(400, 632, p.label.slice(0, 4), 26, '#44403c', 800, 0),
  petbed: (p) =>
    `<ellipse cx="400" cy="470" rx="280" ry="150" fill="url(#obj)"/>` +
    `<ellipse cx="400" cy="450" rx="200" ry="95" fill="${p.a}"/>` +
    `<ellipse cx="400" cy="440" rx="190" ry="85" fill="${shade(p.a, 0.2)}"/>` +
    `<path d="M200 410 Q400 320 600 410" fill="none" stroke="#000" stroke-opacity=".1" stroke-width="10"/>`,
  toy: (p) =>
    `<circle cx="330" cy="420" r="120" fill="url(#obj)"/>` +
    `<path d="M220 380 Q330 460 440 380" fill="none" stroke="#fff" stroke-width="12"/>` +
    `<path d="M430 470 Q520 440 560 520 Q600 600 520 620" fill="none" stroke="${p.a}" stroke-width="30" stroke-linecap="round"/>` +
    `<circle cx="540" cy="630" r="34" fill="${p.a}"/>`,
  carrier: (p) =>
    `<path d="M320 290 Q320 200 400 200 Q480 200 480 290" fill="none" stroke="${p.d}" stroke-width="22"/>` +
    `<rect x="200" y="280" width="400" height="320" rx="50" fill="url(#obj)"/>` +
    `<rect x="250" y="340" width="180" height="200" rx="24" fill="#1c1917" opacity=".8"/>` +
    Array.from({ length: 6 }, (_, i) => `<path d="M${270 + i * 28} 345 L${270 + i * 28} 535" stroke="${p.l}" stroke-width="6"/>`).join('') +
    `<rect x="460" y="350" width="100" height="16" rx="8" fill="${p.a}"/>`,
  bikini: (p) =>
    `<path d="M250 230 L330 230 M470 230 L550 230" stroke="${p.d}" stroke-width="6"/>` +
    `<path d="M230 360 Q280 240 330 230 Q360 300 380 370 Q300 390 230 360 Z" fill="url(#obj)"/>` +
    `<path d="M570 360 Q520 240 470 230 Q440 300 420 370 Q500 390 570 360 Z" fill="url(#obj)"/>` +
    `<path d="M380 370 Q400 350 420 370 M230 360 L170 330 M570 360 L630 330" fill="none" stroke="${p.d}" stroke-width="6"/>` +
    `<path d="M250 470 Q400 500 550 470 Q520 560 430 620 L370 620 Q280 560 250 470 Z" fill="url(#obj)"/>` +
    `<path d="M250 470 L190 460 M550 470 L610 460" stroke="${p.d}" stroke-width="8" stroke-linecap="round"/>` +
    Array.from({ length: 10 }, (_, i) => `<circle cx="${260 + ((i * 53) % 290)}" cy="${300 + ((i * 97) % 280)}" r="10" fill="${p.a}" opacity=".9"/>`).join(''),
  swimsuit: (p) =>
    `<path d="M320 160 L345 160 L355 300 L445 300 L455 160 L480 160 L495 330 Q520 420 500 480 L560 640 Q480 660 440 600 L400 570 L360 600 Q320 660 240 640 L300 480 Q280 420 305 330 Z" fill="url(#obj)"/>` +
    `<path d="M305 420 Q400 380 495 420" fill="none" stroke="${p.a}" stroke-width="22"/>` +
    folds(['M360 460 Q370 520 360 560', 'M440 460 Q430 520 440 560']),
  trunks: (p) =>
    `<path d="M250 250 L550 250 L590 560 L430 580 L400 420 L370 580 L210 560 Z" fill="url(#obj)"/>` +
    `<rect x="248" y="245" width="304" height="46" fill="${shade(p.c, -0.15)}"/>` +
    `<path d="M380 291 L370 340 M420 291 L430 340" stroke="#fff" stroke-width="6" stroke-linecap="round"/>` +
    Array.from({ length: 7 }, (_, i) => `<path d="M${240 + i * 50} 330 q20 -30 40 0 t40 0" fill="none" stroke="${p.a}" stroke-width="8"/>`).join(''),
  hat: (p) =>
    `<ellipse cx="400" cy="480" rx="290" ry="90" fill="url(#obj)"/>` +
    `<path d="M270 470 Q270 270 400 265 Q530 270 530 470 Z" fill="${shade(p.c, -0.05)}"/>` +
    `<path d="M272 430 Q400 460 528 430 L530 470 Q400 500 270 470 Z" fill="${p.a}"/>` +
    Array.from({ length: 10 }, (_, i) => `<path d="M${150 + i * 55} ${470 - Math.abs(4.5 - i) * 4} q20 10 40 0" fill="none" stroke="#000" stroke-opacity=".1" stroke-width="5"/>`).join(''),
  sunglasses: (p) =>
    `<path d="M160 360 L640 360" stroke="${p.c}" stroke-width="20" stroke-linecap="round"/>` +
    `<path d="M180 360 L370 360 Q380 500 275 505 Q175 500 180 360 Z" fill="url(#lens)" stroke="${p.c}" stroke-width="14"/>` +
    `<path d="M430 360 L620 360 Q625 500 525 505 Q420 500 430 360 Z" fill="url(#lens)" stroke="${p.c}" stroke-width="14"/>` +
    `<path d="M370 375 Q400 350 430 375" fill="none" stroke="${p.c}" stroke-width="14"/>` +
    `<path d="M215 385 L265 385 M465 385 L515 385" stroke="#fff" stroke-opacity=".4" stroke-width="10" stroke-linecap="round"/>`,
  towel: (p) =>
    `<g transform="rotate(-4 400 430)">` +
    [0, 1, 2].map((i) => `<rect x="200" y="${300 + i * 90}" width="400" height="110" rx="26" fill="${i % 2 ? p.a : p.c}"/><path d="M200 ${330 + i * 90} L600 ${330 + i * 90}" stroke="#fff" stroke-opacity=".5" stroke-width="10"/>`).join('') +
    `</g>`,
  blanket: (p) =>
    [0, 1, 2].map((i) =>
      `<g transform="translate(0 ${-i * 80})"><rect x="190" y="${480}" width="420" height="110" rx="18" fill="${i === 0 ? p.c : i === 1 ? shade(p.c, -0.1) : shade(p.c, 0.1)}"/>` +
      zigzagBand(200, 515, 400, 36, i === 1 ? p.l : p.a, 'none') +
      `</g>`,
    ).join(''),
  cushion: (p) =>
    `<path d="M220 240 Q400 210 580 240 Q610 420 580 600 Q400 630 220 600 Q190 420 220 240 Z" fill="url(#obj)"/>` +
    `<rect x="300" y="330" width="200" height="180" rx="12" fill="none" stroke="${p.a}" stroke-width="10"/>` +
    diamonds(300, 420, 200, 40, p.l) +
    zigzagBand(240, 280, 320, 20, p.a, 'none') +
    zigzagBand(240, 550, 320, 20, p.a, 'none'),
  rug: (p) =>
    `<g transform="rotate(-6 400 420)"><rect x="170" y="230" width="460" height="380" fill="url(#obj)"/>` +
    `<rect x="200" y="260" width="400" height="320" fill="none" stroke="${p.a}" stroke-width="14"/>` +
    `<path d="M400 300 L520 420 L400 540 L280 420 Z" fill="${p.a}"/><path d="M400 350 L470 420 L400 490 L330 420 Z" fill="${p.l}"/>` +
    zigzagBand(215, 280, 370, 18, p.l, 'none') +
    zigzagBand(215, 545, 370, 18, p.l, 'none') +
    Array.from({ length: 20 }, (_, i) => `<path d="M${180 + i * 23} 610 L${180 + i * 23} 640 M${180 + i * 23} 230 L${180 + i * 23} 200" stroke="${p.l}" stroke-width="5"/>`).join('') +
    `</g>`,
  vase: (p) =>
    `<path d="M350 190 L450 190 L445 240 Q560 300 560 430 Q560 600 400 640 Q240 600 240 430 Q240 300 355 240 Z" fill="url(#obj)"/>` +
    `<ellipse cx="400" cy="190" rx="50" ry="12" fill="${shade(p.c, -0.4)}"/>` +
    `<path d="M258 400 Q400 430 542 400" fill="none" stroke="${p.a}" stroke-width="10"/>` +
    `<path d="M252 450 Q400 480 548 450" fill="none" stroke="${p.a}" stroke-width="4"/>` +
    Array.from({ length: 6 }, (_, i) => `<path d="M${290 + i * 45} 500 l20 -30 l20 30" fill="none" stroke="${p.a}" stroke-width="5"/>`).join(''),
  alebrije: (p) =>
    `<path d="M230 470 Q240 360 340 350 L480 340 Q530 280 560 220 Q590 260 580 300 Q640 330 620 380 Q580 400 560 390 L540 470 Q560 540 540 620 L500 620 L490 520 L330 520 L310 620 L270 620 L270 520 Q200 520 180 420 Q200 450 230 470 Z" fill="url(#obj)"/>` +
    Array.from({ length: 9 }, (_, i) => `<circle cx="${300 + (i % 5) * 45}" cy="${400 + Math.floor(i / 5) * 50}" r="12" fill="${i % 2 ? p.a : p.l}"/>`).join('') +
    `<path d="M280 380 q20 -25 40 0 t40 0 t40 0 t40 0" fill="none" stroke="${p.l}" stroke-width="7"/>` +
    `<circle cx="585" cy="310" r="9" fill="#1c1917"/>` +
    `<path d="M560 220 L540 170 L575 205" fill="${p.a}"/>`,
  candle: (p) =>
    `<rect x="290" y="330" width="220" height="290" rx="24" fill="url(#glass)" stroke="${shade(p.c, -0.25)}" stroke-width="4"/>` +
    `<rect x="300" y="360" width="200" height="250" rx="18" fill="${p.c}"/>` +
    `<rect x="320" y="440" width="160" height="100" rx="6" fill="#fffbf5"/>` +
    labelText(400, 490, p.label, 22, '#1c1917', 800, 2) +
    labelText(400, 520, p.sub, 14, '#57534e', 400, 1) +
    `<path d="M400 360 L400 320" stroke="#292524" stroke-width="4"/>` +
    `<path d="M400 250 Q425 290 412 312 Q400 328 388 312 Q375 290 400 250 Z" fill="#f59e0b"/><path d="M400 280 Q410 300 404 310 Q400 316 396 310 Q390 300 400 280 Z" fill="#fde68a"/>`,
  frenchpress: (p) =>
    `<path d="M400 150 L400 250" stroke="#a8a29e" stroke-width="10"/><circle cx="400" cy="140" r="18" fill="${p.d}"/>` +
    `<rect x="300" y="240" width="200" height="30" rx="8" fill="${p.d}"/>` +
    `<rect x="305" y="265" width="190" height="350" rx="16" fill="url(#glass)" stroke="#a8a29e" stroke-width="6"/>` +
    `<rect x="312" y="380" width="176" height="228" rx="10" fill="#4a2c1a"/>` +
    `<path d="M495 300 Q580 300 580 420 Q580 540 495 540" fill="none" stroke="${p.c}" stroke-width="26"/>` +
    `<rect x="290" y="610" width="220" height="24" rx="8" fill="${p.c}"/>`,
};

/** The SVG for one photo. */
export function productSvg(spec: ImageSpec): string {
  const h = hash(`${spec.seed}|${spec.shot}`);
  const c = spec.color;
  const accent = spec.accent;
  const metal = spec.kind === 'necklace' || spec.kind === 'earrings' || spec.kind === 'ring' || spec.kind === 'bracelet';
  const p: P = {
    c,
    d: shade(c, -0.35),
    l: metal ? '#d9d9de' : shade(c, 0.4),
    a: accent,
    ink: luminance(c) > 0.6 ? '#1c1917' : '#ffffff',
    label: spec.label ?? '',
    sub: spec.sublabel ?? '',
  };
  // Backdrop: a pale tint of the object colour, warm or cool depending on the shot.
  // Pale objects (white sneakers, silver jewellery) need a deeper backdrop to stand out.
  const pale = luminance(c) > 0.72;
  const bgBase = pale
    ? mix(shade(accent, 0.45), '#cfc8bc', spec.shot === 1 ? 0.35 : 0.6)
    : spec.shot === 1
      ? mix(shade(accent, 0.82), '#f5f0e8', 0.4)
      : mix(shade(c, 0.86), '#f7f4ef', 0.5);
  const bgTop = shade(bgBase, 0.35);
  const bgBottom = shade(bgBase, -0.05);
  const rotate = spec.shot === 1 ? ((h % 15) - 7) : ((h % 7) - 3);
  const scale = spec.shot === 2 ? 1.3 : spec.shot === 1 ? 0.9 : 1;
  const tx = spec.shot === 2 ? (h % 2 ? -1 : 1) * (40 + (h % 50)) : 0;
  const ty = spec.shot === 2 ? -30 : 0;
  const floorY = 670;
  const gem = accent;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
<defs>
  <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bgTop}"/><stop offset="0.66" stop-color="${bgBase}"/><stop offset="0.74" stop-color="${bgBottom}"/><stop offset="1" stop-color="${shade(bgBottom, -0.05)}"/></linearGradient>
  <radialGradient id="spot" cx="0.35" cy="0.3" r="0.7"><stop offset="0" stop-color="#fff" stop-opacity=".55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
  <linearGradient id="obj" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade(c, 0.22)}"/><stop offset="0.55" stop-color="${c}"/><stop offset="1" stop-color="${shade(c, -0.28)}"/></linearGradient>
  <linearGradient id="glass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#ffffff" stop-opacity=".55"/><stop offset="0.5" stop-color="${shade(c, 0.7)}" stop-opacity=".35"/><stop offset="1" stop-color="#ffffff" stop-opacity=".2"/></linearGradient>
  <radialGradient id="gem" cx="0.35" cy="0.35" r="0.7"><stop offset="0" stop-color="${shade(gem, 0.5)}"/><stop offset="0.6" stop-color="${gem}"/><stop offset="1" stop-color="${shade(gem, -0.4)}"/></radialGradient>
  <radialGradient id="ball" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#ffffff"/><stop offset="0.7" stop-color="${shade(c, 0.6)}"/><stop offset="1" stop-color="${shade(c, 0.1)}"/></radialGradient>
  <linearGradient id="lens" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(accent, -0.2)}"/><stop offset="1" stop-color="${shade(accent, -0.6)}"/></linearGradient>
  <linearGradient id="screen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1e293b"/><stop offset="1" stop-color="#0f172a"/></linearGradient>
  <filter id="blur" x="-20%" y="-50%" width="140%" height="200%"><feGaussianBlur stdDeviation="14"/></filter>
</defs>
<rect width="800" height="800" fill="url(#bg)"/>
<rect width="800" height="800" fill="url(#spot)"/>
<g transform="translate(${tx + 400 * (1 - scale)} ${ty + 400 * (1 - scale)}) scale(${scale})">
  <ellipse cx="400" cy="${floorY}" rx="250" ry="26" fill="#000" opacity=".22" filter="url(#blur)"/>
  <g transform="rotate(${rotate} 400 420)">${DRAW[spec.kind](p)}</g>
</g>
</svg>`;
}

export type RenderedImage = { bytes: Buffer; width: number; height: number };

/** Short content fingerprint of a drawing: stored objects are immutable, so a changed drawing gets a new key. */
export function svgFingerprint(svg: string): string {
  return crypto.createHash('sha256').update(svg).digest('hex').slice(0, 10);
}

export async function renderSvg(svg: string, size: number, quality = 82): Promise<RenderedImage> {
  const bytes = await sharp(Buffer.from(svg)).webp({ quality, effort: 2 }).toBuffer();
  return { bytes, width: size, height: size };
}

/** A round store logo: brand colour, white initials. */
export function storeLogoSvg(name: string, brand: string): string {
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-ZÁÉÍÓÚÑ]/.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
  const ink = luminance(brand) > 0.65 ? '#1c1917' : '#ffffff';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade(brand, 0.18)}"/><stop offset="1" stop-color="${shade(brand, -0.2)}"/></linearGradient></defs>
<rect width="256" height="256" rx="128" fill="url(#g)"/>
<circle cx="128" cy="128" r="108" fill="none" stroke="${ink}" stroke-opacity=".35" stroke-width="4"/>
${labelText(128, 150, initials, 76, ink, 800, 2)}
</svg>`;
  return svg;
}
