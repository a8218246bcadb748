import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from './run-ai-eval';

const load = (f: string) =>
  fs
    .readFileSync(path.join(__dirname, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

describe('AI eval gate (same check as npm run eval:ai)', () => {
  it('the labelled set has ≥ 220 messages, Spanish majority, every intent covered', () => {
    const m = load('ai-messages.jsonl');
    expect(m.length).toBeGreaterThanOrEqual(220);
    expect(m.filter((x: { lang: string }) => x.lang === 'es').length).toBeGreaterThan(m.length / 2);
    expect(new Set(m.map((x: { intent: string }) => x.intent)).size).toBe(10);
  });

  it('built-in engine: intent accuracy ≥ 90 % and every suggested reply consistent with the data', () => {
    const r = evaluate(load('ai-messages.jsonl'));
    expect(r.correct / r.total).toBeGreaterThanOrEqual(0.9);
    expect(r.inconsistent).toEqual([]);
    const h = evaluate(load('ai-messages-holdout.jsonl'));
    expect(h.inconsistent).toEqual([]);
  });
});
