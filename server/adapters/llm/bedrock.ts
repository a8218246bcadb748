import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import type { Completion, CompletionRequest, LlmProvider } from './index';

/**
 * Bedrock Converse API. `modelId` may be a model id or an inference-profile id ("us.amazon.nova-micro-v1:0"), which
 * many regions require for on-demand Nova. No SDK retries: the caller's timeout and fallback are the retry policy.
 */
export class BedrockProvider implements LlmProvider {
  readonly name = 'bedrock' as const;
  readonly modelId: string;
  private readonly client: BedrockRuntimeClient;

  constructor(opts: { modelId: string; region?: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } }) {
    this.modelId = opts.modelId;
    this.client = new BedrockRuntimeClient({
      region: opts.region ?? process.env.AWS_REGION ?? 'us-east-1',
      endpoint: opts.endpoint,
      credentials: opts.credentials,
      maxAttempts: 1,
    });
  }

  async complete(req: CompletionRequest): Promise<Completion> {
    const t0 = performance.now();
    const out = await this.client.send(
      new ConverseCommand({
        modelId: this.modelId,
        system: [{ text: req.system }],
        messages: req.messages.map((m) => ({ role: m.role, content: [{ text: m.text }] })),
        inferenceConfig: { maxTokens: req.maxTokens, temperature: req.temperature },
      }),
      { abortSignal: req.signal },
    );
    const text = (out.output?.message?.content ?? []).map((c) => ('text' in c && c.text ? c.text : '')).join('');
    const inputTokens = out.usage?.inputTokens ?? 0;
    const outputTokens = out.usage?.outputTokens ?? 0;
    return {
      text,
      usage: { inputTokens, outputTokens, totalTokens: out.usage?.totalTokens ?? inputTokens + outputTokens },
      latencyMs: out.metrics?.latencyMs ?? performance.now() - t0,
    };
  }
}
