import { AppError } from '../../errors/app-error';
import type { Completion, CompletionRequest, LlmProvider } from './index';

type ChatCompletionResponse = {
  choices?: Array<{ message?: { content?: string | null } }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
};

/**
 * Any OpenAI-compatible /v1/chat/completions endpoint: Ollama, llama.cpp server, vLLM, or a hosted API.
 * `baseUrl` may end in /v1 (Ollama's documented form) or not.
 */
export class OpenAiCompatibleProvider implements LlmProvider {
  readonly name = 'openai' as const;
  readonly modelId: string;
  private readonly url: string;
  private readonly apiKey?: string;

  constructor(opts: { modelId: string; baseUrl: string; apiKey?: string }) {
    this.modelId = opts.modelId;
    const base = opts.baseUrl.replace(/\/+$/, '');
    this.url = /\/v1$/.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
    this.apiKey = opts.apiKey;
  }

  async complete(req: CompletionRequest): Promise<Completion> {
    const t0 = performance.now();
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) },
      body: JSON.stringify({
        model: this.modelId,
        messages: [{ role: 'system', content: req.system }, ...req.messages.map((m) => ({ role: m.role, content: m.text }))],
        max_tokens: req.maxTokens,
        temperature: req.temperature,
        stream: false,
      }),
      signal: req.signal,
    });
    if (!res.ok) {
      const body = (await res.text()).slice(0, 300);
      throw new AppError('UPSTREAM_FAILED', { internal: `LLM endpoint answered ${res.status}: ${body}` });
    }
    const json = (await res.json()) as ChatCompletionResponse;
    const text = json.choices?.[0]?.message?.content ?? '';
    const inputTokens = json.usage?.prompt_tokens ?? 0;
    const outputTokens = json.usage?.completion_tokens ?? 0;
    return {
      text,
      usage: { inputTokens, outputTokens, totalTokens: json.usage?.total_tokens ?? inputTokens + outputTokens },
      latencyMs: performance.now() - t0,
    };
  }
}
