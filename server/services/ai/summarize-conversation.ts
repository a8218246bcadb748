import { builtinSummarize } from '@/server/adapters/llm/builtin';
import { getLlm, runWithFallback, type LlmOutcome, type LlmProvider } from '@/server/adapters/llm';
import type { ConversationSummary } from '@/server/adapters/llm/types';
import { logger } from '@/server/log/logger';
import { checkGrounding } from './grounding';
import { buildSummaryPrompt, extractJson } from './prompts';
import { ZModelSummary, ZSummarizeInput, type TSummarizeInput } from './schemas';
import { parseInput } from './suggest-replies';

export type SummarizeResult = { summary: ConversationSummary } & Omit<LlmOutcome<unknown>, 'value'>;

/** What the buyer wants, their unanswered questions and the seller's next step; built-in on any model failure. */
export async function summarizeConversation(opts: TSummarizeInput & { llm?: { provider: LlmProvider | null; timeoutMs: number } }): Promise<SummarizeResult> {
  const input = parseInput(ZSummarizeInput, opts);
  const llm = opts.llm ?? getLlm();
  const product = input.products.find((p) => p.id === input.conversation.productId) ?? null;
  const outcome = await runWithFallback({
    provider: llm.provider,
    timeoutMs: llm.timeoutMs,
    request: { ...buildSummaryPrompt(input), maxTokens: 500, temperature: 0.1 },
    parse: (text) => {
      const parsed = ZModelSummary.safeParse(extractJson(text));
      if (!parsed.success) return null;
      const s = parsed.data;
      // Open questions are quotes; the rest must not state facts the data contradicts.
      const claims = `${s.wants}\n${s.nextStep}`;
      return checkGrounding({ text: claims, store: input.store, products: input.products, product, orders: input.orders }).length ? null : s;
    },
    fallback: () => builtinSummarize(input),
  });
  const { value, ...meta } = outcome;
  logger.info(
    { provider: meta.provider, modelId: meta.modelId, usage: meta.usage, latencyMs: Math.round(meta.latencyMs), fallbackReason: meta.fallbackReason },
    'ai.summarize_conversation',
  );
  return { summary: value, ...meta };
}
