import { env } from '../../env';
import { BedrockProvider } from './bedrock';
import { OpenAiCompatibleProvider } from './openai';
import type { TokenUsage } from './types';

export type ProviderName = 'builtin' | 'bedrock' | 'openai';

export type ChatTurn = { role: 'user' | 'assistant'; text: string };

export type CompletionRequest = {
  system: string;
  messages: ChatTurn[];
  maxTokens: number;
  temperature: number;
  signal: AbortSignal;
};

export type Completion = { text: string; usage: TokenUsage; latencyMs: number };

/**
 * A remote text model. The built-in engine is not one: it works from the structured data directly, and it is what
 * every call falls back to (see runWithFallback), so callers never wait longer than the timeout.
 */
export interface LlmProvider {
  readonly name: Exclude<ProviderName, 'builtin'>;
  readonly modelId: string;
  complete(req: CompletionRequest): Promise<Completion>;
}

export type LlmConfig = {
  provider: ProviderName;
  modelId?: string;
  baseUrl?: string;
  apiKey?: string;
  region?: string;
  timeoutMs: number;
};

/** Hard ceiling: a quick reply that takes longer than this is worse than the built-in one. */
export const MAX_LLM_TIMEOUT_MS = 8000;

export function createLlmProvider(config: LlmConfig): LlmProvider | null {
  if (config.provider === 'builtin') return null;
  if (!config.modelId) throw new Error(`LLM_MODEL_ID is required when LLM_PROVIDER=${config.provider}`);
  if (config.provider === 'bedrock') {
    return new BedrockProvider({ modelId: config.modelId, region: config.region, endpoint: config.baseUrl });
  }
  if (!config.baseUrl) throw new Error('LLM_BASE_URL is required when LLM_PROVIDER=openai');
  return new OpenAiCompatibleProvider({ modelId: config.modelId, baseUrl: config.baseUrl, apiKey: config.apiKey });
}

export function llmConfigFromEnv(): LlmConfig {
  const e = env();
  return {
    provider: e.LLM_PROVIDER,
    modelId: e.LLM_MODEL_ID,
    baseUrl: e.LLM_BASE_URL,
    apiKey: e.LLM_API_KEY,
    region: e.LLM_REGION,
    timeoutMs: e.LLM_TIMEOUT_MS,
  };
}

const globalForLlm = globalThis as unknown as { vitaLlm?: { provider: LlmProvider | null; timeoutMs: number } };

/** The process-wide provider (null = built-in), chosen once by LLM_PROVIDER. */
export function getLlm(): { provider: LlmProvider | null; timeoutMs: number } {
  if (!globalForLlm.vitaLlm) {
    const config = llmConfigFromEnv();
    globalForLlm.vitaLlm = { provider: createLlmProvider(config), timeoutMs: config.timeoutMs };
  }
  return globalForLlm.vitaLlm;
}

export type LlmOutcome<T> = {
  value: T;
  provider: ProviderName;
  modelId: string;
  usage: TokenUsage | null;
  latencyMs: number;
  /** Why the built-in engine answered although a model is configured (timeout, HTTP error, unusable output). */
  fallbackReason?: string;
};

export const BUILTIN_MODEL_ID = 'vita-builtin-es-en-1';

/**
 * Asks the model, and answers from the built-in engine instead when it fails, returns something `parse` rejects,
 * or takes longer than `timeoutMs` (the request is aborted; the race also covers providers that ignore aborts).
 */
export async function runWithFallback<T>(opts: {
  provider: LlmProvider | null;
  timeoutMs: number;
  request: Omit<CompletionRequest, 'signal'>;
  parse: (text: string) => T | null;
  fallback: () => T;
}): Promise<LlmOutcome<T>> {
  const t0 = performance.now();
  const builtin = (reason?: string): LlmOutcome<T> => ({
    value: opts.fallback(),
    provider: 'builtin',
    modelId: BUILTIN_MODEL_ID,
    usage: null,
    latencyMs: performance.now() - t0,
    fallbackReason: reason,
  });
  const { provider } = opts;
  if (!provider) return builtin();
  const timeoutMs = Math.min(Math.max(1, opts.timeoutMs), MAX_LLM_TIMEOUT_MS);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const completion = await Promise.race([provider.complete({ ...opts.request, signal: controller.signal }), timeout]);
    const value = opts.parse(completion.text);
    if (value === null) return { ...builtin('unusable model output'), usage: completion.usage };
    return { value, provider: provider.name, modelId: provider.modelId, usage: completion.usage, latencyMs: performance.now() - t0 };
  } catch (e) {
    return builtin(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}
