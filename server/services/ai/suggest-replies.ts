import { builtinSuggestReplies, analyzeMessage } from '@/server/adapters/llm/builtin';
import { getLlm, runWithFallback, type LlmOutcome, type LlmProvider } from '@/server/adapters/llm';
import type { Intent, Locale, SuggestedReply } from '@/server/adapters/llm/types';
import { AppError } from '@/server/errors/app-error';
import { logger } from '@/server/log/logger';
import { checkGrounding } from './grounding';
import { buildSuggestRepliesPrompt, extractJson } from './prompts';
import { ZModelReplies, ZSuggestRepliesInput, type TSuggestRepliesInput } from './schemas';

export type SuggestRepliesResult = {
  replies: SuggestedReply[];
  intent: Intent;
  language: Locale;
  productId: string | null;
} & Omit<LlmOutcome<unknown>, 'value'>;

export function parseInput<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join('.'), { issue }]));
    throw new AppError('BAD_REQUEST', { key: 'ai.invalidData', fields });
  }
  return parsed.data;
}

/**
 * Up to three suggested replies to a buyer's message, in the buyer's language, grounded in the store data given.
 * A configured model is asked first; its replies are kept only if every fact checks out against the data, and
 * the built-in engine answers on timeout, error or inconsistency. Never sends anything.
 */
export async function suggestReplies(opts: TSuggestRepliesInput & { llm?: { provider: LlmProvider | null; timeoutMs: number } }): Promise<SuggestRepliesResult> {
  const input = parseInput(ZSuggestRepliesInput, opts);
  const llm = opts.llm ?? getLlm();
  const analysis = analyzeMessage(input);
  const prompt = buildSuggestRepliesPrompt({ ...input, replyLanguage: analysis.language });
  const outcome = await runWithFallback({
    provider: llm.provider,
    timeoutMs: llm.timeoutMs,
    request: { ...prompt, maxTokens: 600, temperature: 0.3 },
    parse: (text) => {
      const parsed = ZModelReplies.safeParse(extractJson(text));
      if (!parsed.success) return null;
      const grounded = parsed.data.replies.filter(
        (r) => checkGrounding({ text: r.text, store: input.store, products: input.products, product: analysis.product, orders: input.orders }).length === 0,
      );
      return grounded.length ? grounded : null;
    },
    fallback: () => builtinSuggestReplies(input).replies,
  });
  const { value, ...meta } = outcome;
  logger.info(
    { provider: meta.provider, modelId: meta.modelId, usage: meta.usage, latencyMs: Math.round(meta.latencyMs), fallbackReason: meta.fallbackReason, intent: analysis.intent },
    'ai.suggest_replies',
  );
  return { replies: value, intent: analysis.intent, language: analysis.language, productId: analysis.product?.id ?? null, ...meta };
}
