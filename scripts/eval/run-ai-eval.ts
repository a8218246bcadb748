/**
 * npm run eval:ai — runs every labelled buyer message through the built-in engine and checks:
 *  - intent accuracy overall, per intent and per language (gate: ≥ 90 % on ai-messages.jsonl);
 *  - that every suggested reply is consistent with the data it was given (prices, stock, option values, orders),
 *    using the same checker that screens model output in production (server/services/ai/grounding.ts).
 * Also reports product resolution, language detection and time per message. Exits 1 when a gate fails.
 *
 * Labelling rules for the message sets (decided before the engine was written):
 *  - variant: asks which options exist or whether a specific option exists/is in stock ("¿tienen talla M?");
 *    price of a specific option is price; exchanging an option after buying is returns.
 *  - availability: stock of a product without naming an option ("¿hay stock?", "¿cuándo vuelve?").
 *  - shipping: delivery fees, times, coverage and pickup; order_status: an order the buyer already placed or paid.
 *  - returns: exchanges, refunds, warranty and complaints about what arrived; discount: bargaining, coupons, bulk.
 *  - greeting: greetings/thanks with no question; several questions → the first real one.
 * ai-messages-holdout.jsonl was written after the first engine pass and measured before any change for it
 * (54/65 = 83.1 %); it is reported separately and not gated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinSuggestReplies } from '../../server/adapters/llm/builtin/engine';
import { INTENTS, type Intent, type Locale } from '../../server/adapters/llm/types';
import { checkGrounding } from '../../server/services/ai/grounding';
import { FIXTURE_STORES } from './fixtures';

type Labelled = { id: number | string; text: string; intent: Intent; lang: Locale; store: string; product: string | null; context: boolean };

const GATE_ACCURACY = 0.9;

function load(file: string): Labelled[] {
  const lines = fs.readFileSync(path.join(__dirname, file), 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((l, i) => {
    const m = JSON.parse(l) as Labelled;
    if (!INTENTS.includes(m.intent)) throw new Error(`${file}:${i + 1}: unknown intent ${m.intent}`);
    if (!FIXTURE_STORES[m.store]) throw new Error(`${file}:${i + 1}: unknown store ${m.store}`);
    if (m.product && !FIXTURE_STORES[m.store]!.products.some((p) => p.id === m.product)) throw new Error(`${file}:${i + 1}: unknown product ${m.product}`);
    return m;
  });
}

export type EvalResult = {
  total: number;
  correct: number;
  byIntent: Record<string, { n: number; ok: number }>;
  byLang: Record<string, { n: number; ok: number }>;
  confusion: Map<string, number>;
  langOk: number;
  productN: number;
  productOk: number;
  replies: number;
  inconsistent: Array<{ id: number | string; text: string; reply: string; issues: string[] }>;
  misses: Array<{ id: number | string; text: string; want: Intent; got: Intent }>;
  msPerMessage: number;
};

export function evaluate(messages: Labelled[]): EvalResult {
  const r: EvalResult = {
    total: 0,
    correct: 0,
    byIntent: {},
    byLang: {},
    confusion: new Map(),
    langOk: 0,
    productN: 0,
    productOk: 0,
    replies: 0,
    inconsistent: [],
    misses: [],
    msPerMessage: 0,
  };
  let elapsed = 0;
  for (const m of messages) {
    const f = FIXTURE_STORES[m.store]!;
    const input = {
      store: f.store,
      products: f.products,
      orders: f.orders,
      conversation: { productId: m.context ? m.product : null, messages: [] },
      message: m.text,
      locale: f.locale,
    };
    const t0 = performance.now();
    const { analysis, replies } = builtinSuggestReplies(input);
    elapsed += performance.now() - t0;
    r.total++;
    const ok = analysis.intent === m.intent;
    if (ok) r.correct++;
    else {
      r.misses.push({ id: m.id, text: m.text, want: m.intent, got: analysis.intent });
      const k = `${m.intent} → ${analysis.intent}`;
      r.confusion.set(k, (r.confusion.get(k) ?? 0) + 1);
    }
    (r.byIntent[m.intent] ??= { n: 0, ok: 0 }).n++;
    if (ok) r.byIntent[m.intent]!.ok++;
    (r.byLang[m.lang] ??= { n: 0, ok: 0 }).n++;
    if (ok) r.byLang[m.lang]!.ok++;
    if (analysis.language === m.lang) r.langOk++;
    if (m.product) {
      r.productN++;
      if (analysis.product?.id === m.product) r.productOk++;
    }
    const labelled = f.products.find((p) => p.id === m.product) ?? null;
    for (const reply of replies) {
      r.replies++;
      const issues = checkGrounding({ text: reply.text, store: f.store, products: f.products, product: analysis.product ?? labelled, orders: f.orders });
      if (issues.length) r.inconsistent.push({ id: m.id, text: m.text, reply: reply.text, issues: issues.map((i) => `${i.kind}: ${i.detail}`) });
    }
  }
  r.msPerMessage = elapsed / Math.max(1, r.total);
  return r;
}

const pct = (ok: number, n: number) => `${((100 * ok) / Math.max(1, n)).toFixed(1)} %`;

function report(name: string, r: EvalResult) {
  console.log(`\n== ${name}: ${r.total} messages ==`);
  console.log(`intent accuracy: ${r.correct}/${r.total} = ${pct(r.correct, r.total)}`);
  for (const intent of INTENTS) {
    const b = r.byIntent[intent];
    if (b) console.log(`  ${intent.padEnd(13)} ${String(b.ok).padStart(3)}/${String(b.n).padEnd(3)} ${pct(b.ok, b.n)}`);
  }
  for (const [lang, b] of Object.entries(r.byLang)) console.log(`  lang ${lang}: ${b.ok}/${b.n} = ${pct(b.ok, b.n)}`);
  console.log(`language detection: ${r.langOk}/${r.total} = ${pct(r.langOk, r.total)}`);
  console.log(`product resolution: ${r.productOk}/${r.productN} = ${pct(r.productOk, r.productN)}`);
  console.log(`replies checked: ${r.replies}; inconsistent: ${r.inconsistent.length}`);
  console.log(`time: ${r.msPerMessage.toFixed(3)} ms per message (analysis + up to 3 replies)`);
  if (r.confusion.size) {
    console.log('confusions (label → predicted):');
    for (const [k, n] of [...r.confusion].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${n}`);
  }
  for (const m of r.misses) console.log(`  miss #${m.id} ${JSON.stringify(m.text)}: ${m.want} → ${m.got}`);
  for (const i of r.inconsistent) console.log(`  INCONSISTENT #${i.id} ${JSON.stringify(i.text)}\n    reply: ${i.reply}\n    ${i.issues.join('\n    ')}`);
}

function main() {
  const main = evaluate(load('ai-messages.jsonl'));
  report('ai-messages.jsonl (gated)', main);
  const holdout = evaluate(load('ai-messages-holdout.jsonl'));
  report('ai-messages-holdout.jsonl (not gated)', holdout);
  const failures: string[] = [];
  if (main.total < 200) failures.push(`only ${main.total} labelled messages (need ≥ 200)`);
  if (main.correct / main.total < GATE_ACCURACY) failures.push(`intent accuracy ${pct(main.correct, main.total)} < 90 %`);
  const bad = main.inconsistent.length + holdout.inconsistent.length;
  if (bad) failures.push(`${bad} replies inconsistent with the store data`);
  if (failures.length) {
    console.error(`\nFAIL: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('\nPASS');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
