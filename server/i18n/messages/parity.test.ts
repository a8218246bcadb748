import { readdirSync } from 'node:fs';
import path from 'node:path';
// The parser next-intl formats with (a dependency of use-intl's intl-messageformat).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { locales } from '../config';
import { loadMessages, namespaces, type Namespace } from './index';

/** Every message path of a namespace ("offer.title") → its text. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) for (const [p, s] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  return out;
}

/** The ICU arguments and rich-text tags a message uses, so a translation cannot drop or rename one. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const names = Object.keys(namespaces) as Namespace[];

describe('messages: Spanish and English have the same keys', () => {
  it('every JSON file in es/ and en/ is registered in index.ts, and every registered namespace has both files', () => {
    for (const locale of locales) {
      const files = readdirSync(path.join(__dirname, locale))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
      expect(files, `files in ${locale}/`).toEqual([...names].sort());
    }
  });

  it.each(names)('%s: same keys, same ICU arguments, no empty message', async (ns) => {
    const [es, en] = await Promise.all([loadMessages('es', [ns]), loadMessages('en', [ns])]);
    const esKeys = flatten(es[ns]);
    const enKeys = flatten(en[ns]);
    expect(esKeys.size, `${ns} has messages`).toBeGreaterThan(0);
    expect([...enKeys.keys()].filter((k) => !esKeys.has(k)), `${ns}: keys only in en`).toEqual([]);
    expect([...esKeys.keys()].filter((k) => !enKeys.has(k)), `${ns}: keys only in es`).toEqual([]);
    for (const [key, text] of esKeys) {
      expect(text.trim(), `es ${ns}.${key} is empty`).not.toBe('');
      expect(enKeys.get(key)!.trim(), `en ${ns}.${key} is empty`).not.toBe('');
      expect(argumentsOf(enKeys.get(key)!), `${ns}.${key}: ICU arguments differ`).toEqual(argumentsOf(text));
    }
  });
});
