/**
 * Chat text as buyers type it: no accents, stretched letters ("holaaa"), SMS shorthand ("q", "xq", "hw much"),
 * glued units ("8gb"). Everything downstream matches against this one canonical form.
 */

/** Shorthand → the word it stands for. Only tokens that are unambiguous in a shopping chat. */
const SHORTHAND: Record<string, string> = {
  q: 'que',
  k: 'que',
  ke: 'que',
  qe: 'que',
  xq: 'porque',
  pq: 'porque',
  x: 'por',
  xfa: 'por favor',
  porfa: 'por favor',
  porfis: 'por favor',
  pf: 'por favor',
  pa: 'para',
  pal: 'para el',
  sta: 'esta',
  stan: 'estan',
  tb: 'tambien',
  tmb: 'tambien',
  d: 'de',
  dnd: 'donde',
  cdo: 'cuando',
  cto: 'cuanto',
  kuanto: 'cuanto',
  cuant: 'cuanto',
  tenes: 'tienes',
  hw: 'how',
  u: 'you',
  r: 'are',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  pleas: 'please',
  thx: 'thanks',
  ty: 'thank you',
  wat: 'what',
  wht: 'what',
  whats: 'what is',
  til: 'until',
  im: 'i am',
  dont: 'do not',
  doesnt: 'does not',
  cant: 'can not',
  wont: 'will not',
  hv: 'have',
  avail: 'available',
  info: 'informacion',
  dlvry: 'delivery',
  zapas: 'zapatillas',
  talle: 'talla',
  tallas: 'talla',
  talles: 'talla',
};

export function stripAccents(s: string): string {
  // ñ → n too: buyers often type "tamano"/"pequeno", and catalog values are normalised the same way.
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lowercase, accent-free, punctuation-free, shorthand expanded; digits kept ("1.65", "42", "8 gb"). */
export function normalizeText(input: string): string {
  let s = stripAccents(input.toLowerCase());
  s = s.replace(/['’`´]/g, '');
  // Three or more of the same letter is always emphasis in es/en ("holaaa", "buenaaas", "siiii").
  s = s.replace(/([a-z])\1{2,}/g, '$1');
  // Glued number+unit ("8gb", "60kg") and unit+number ("x10") split so each part can match on its own.
  s = s.replace(/(\d)([a-z])/g, '$1 $2').replace(/([a-z])(\d)/g, '$1 $2');
  // Keep decimal points inside numbers, drop every other symbol (emoji included).
  s = s.replace(/(\d)[.,](\d)/g, '$1\u0000$2').replace(/[^a-z0-9\u0000#%$]+/g, ' ').replace(/\u0000/g, '.');
  const words = s.split(' ').filter(Boolean).map((w) => SHORTHAND[w] ?? w);
  return words.join(' ').trim();
}

export function tokens(normalized: string): string[] {
  return normalized.split(' ').filter(Boolean);
}

/** Levenshtein distance with an early exit above `max` (callers only care about 0, 1 or 2). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** A typo-tolerant word match: exact for short words, one edit from 5 letters, two from 9. */
export function wordMatches(word: string, target: string): boolean {
  if (word === target) return true;
  if (target.length < 5 || word.length < 4) return false;
  const allowed = target.length >= 9 ? 2 : 1;
  return editDistance(word, target, allowed) <= allowed;
}
