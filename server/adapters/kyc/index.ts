/**
 * Identity verification (KYC for people, KYB for businesses) behind one interface. DIDIT is the provider — the real
 * service or the local sandbox (scripts/local/didit-sandbox.ts), same adapter, only base URL and keys differ.
 */
import type { DiditStatus } from '../../db/schema';
import { env } from '../../env';
import { createDiditProvider } from './didit';

export type KycKind = 'individual' | 'business';

export type CreateKycSessionInput = {
  kind: KycKind;
  /** Our reference (store id); DIDIT echoes it as vendor_data in webhooks and decisions. */
  vendorData: string;
  /** Where the person's browser returns when the flow ends (UX only: decisions come from webhooks/polling). */
  callbackUrl: string;
  language: 'es' | 'en';
  metadata?: Record<string, string>;
};

export type CreatedKycSession = { sessionId: string; url: string; status: DiditStatus; workflowId: string };

export type KycDecisionReport = {
  sessionId: string;
  status: DiditStatus;
  vendorData: string | null;
  kind: 'user' | 'business';
  decision: Record<string, unknown>;
};

/** A webhook that passed signature and freshness checks. */
export type VerifiedKycWebhook = {
  sessionId: string;
  status: DiditStatus | null;
  webhookType: string;
  vendorData: string | null;
  /** When the provider says this happened (body `timestamp`, else the X-Timestamp header). */
  eventAt: Date;
  /** Same delivery again (a retry, a replay) → same key. */
  dedupeKey: string;
  decision: Record<string, unknown> | null;
  payload: Record<string, unknown>;
};

export class KycWebhookRejected extends Error {
  constructor(
    readonly reason: 'malformed' | 'bad_signature' | 'stale' | 'unsigned',
    message: string,
  ) {
    super(message);
    this.name = 'KycWebhookRejected';
  }
}

export interface KycProvider {
  readonly name: 'didit';
  createSession(input: CreateKycSessionInput): Promise<CreatedKycSession>;
  /** GET /v3/session/{id}/decision/ — to reconcile sessions whose webhooks never came. */
  getDecision(sessionId: string): Promise<KycDecisionReport>;
  /** Throws KycWebhookRejected unless the raw body is signed with our secret and fresh. */
  verifyWebhook(raw: string, headers: Headers): VerifiedKycWebhook;
}

let cached: KycProvider | undefined;
let override: KycProvider | undefined;

/** The process-wide provider (DIDIT_* env; the local sandbox's coordinates are exported by scripts/local-stack.ts). */
export function kycProvider(): KycProvider {
  if (override) return override;
  if (cached) return cached;
  const e = env();
  if (!e.DIDIT_BASE_URL || !e.DIDIT_API_KEY || !e.DIDIT_WEBHOOK_SECRET || !e.DIDIT_WORKFLOW_ID_KYC) {
    throw new Error('DIDIT is not configured (DIDIT_BASE_URL, DIDIT_API_KEY, DIDIT_WEBHOOK_SECRET, DIDIT_WORKFLOW_ID_KYC); npm run dev starts the local sandbox');
  }
  cached = createDiditProvider({
    baseUrl: e.DIDIT_BASE_URL,
    apiKey: e.DIDIT_API_KEY,
    webhookSecret: e.DIDIT_WEBHOOK_SECRET,
    workflows: { individual: e.DIDIT_WORKFLOW_ID_KYC, business: e.DIDIT_WORKFLOW_ID_KYB ?? e.DIDIT_WORKFLOW_ID_KYC },
    timeoutMs: e.DIDIT_TIMEOUT_MS,
    maxAgeS: e.DIDIT_WEBHOOK_MAX_AGE_S,
  });
  return cached;
}

export function setKycProviderForTests(p: KycProvider | undefined): void {
  override = p;
}
