/**
 * DIDIT behind the KycProvider interface (contract: INTEGRATIONS.md §1). Same code for the real service and the
 * local sandbox. Every call has a timeout; 429 honours Retry-After by telling the caller when to come back.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '../../crypto/canonical-json';
import { DIDIT_STATUSES, type DiditStatus } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { rawSignatureValid, v2SignatureValid } from './didit-signing';
import {
  KycWebhookRejected,
  type CreateKycSessionInput,
  type CreatedKycSession,
  type KycDecisionReport,
  type KycKind,
  type KycProvider,
  type VerifiedKycWebhook,
} from './index';

export type DiditConfig = {
  baseUrl: string;
  apiKey: string;
  webhookSecret: string;
  workflows: Record<KycKind, string>;
  timeoutMs?: number;
  /** Webhooks whose X-Timestamp is further than this from now (either way) are rejected. */
  maxAgeS?: number;
  now?: () => number;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

export function isDiditStatus(v: unknown): v is DiditStatus {
  return typeof v === 'string' && (DIDIT_STATUSES as readonly string[]).includes(v);
}

export function createDiditProvider(config: DiditConfig): KycProvider {
  const base = config.baseUrl.replace(/\/$/, '');
  const timeoutMs = config.timeoutMs ?? 8_000;
  const maxAgeS = config.maxAgeS ?? 300;
  const now = config.now ?? Date.now;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { 'x-api-key': config.apiKey, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new AppError('UPSTREAM_FAILED', {
        key: 'kyc.providerDown',
        data: { reason: (err as Error).name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK' },
        cause: err,
      });
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.status === 429) {
      const retryAfter = Number(res.headers.get('retry-after') ?? 60);
      throw new AppError('TOO_MANY_REQUESTS', {
        key: 'kyc.providerBusy',
        data: { reason: 'RATE_LIMITED', retryAfterS: Number.isFinite(retryAfter) ? retryAfter : 60 },
      });
    }
    if (res.status >= 400) {
      throw new AppError('UPSTREAM_FAILED', {
        key: 'kyc.providerRejected',
        data: { reason: 'PROVIDER_ERROR', httpStatus: res.status, detail: isRecord(json) ? String(json.detail ?? json.message ?? '').slice(0, 200) : undefined },
      });
    }
    return { status: res.status, json };
  }

  return {
    name: 'didit',

    async createSession(input: CreateKycSessionInput): Promise<CreatedKycSession> {
      const workflowId = config.workflows[input.kind];
      const { json } = await call('POST', '/v3/session/', {
        workflow_id: workflowId,
        vendor_data: input.vendorData,
        callback: input.callbackUrl,
        language: input.language,
        ...(input.metadata ? { metadata: input.metadata } : {}),
      });
      if (!isRecord(json) || !str(json.session_id) || !str(json.url)) {
        throw new AppError('UPSTREAM_FAILED', { key: 'kyc.providerMalformed', data: { reason: 'MALFORMED_RESPONSE' } });
      }
      return {
        sessionId: json.session_id as string,
        url: json.url as string,
        status: isDiditStatus(json.status) ? json.status : 'Not Started',
        workflowId: str(json.workflow_id) ?? workflowId,
      };
    },

    async getDecision(sessionId: string): Promise<KycDecisionReport> {
      const { json } = await call('GET', `/v3/session/${encodeURIComponent(sessionId)}/decision/`);
      if (!isRecord(json) || !isDiditStatus(json.status)) {
        throw new AppError('UPSTREAM_FAILED', { key: 'kyc.providerMalformed', data: { reason: 'MALFORMED_RESPONSE' } });
      }
      return {
        sessionId: str(json.session_id) ?? sessionId,
        status: json.status,
        vendorData: str(json.vendor_data),
        kind: json.session_kind === 'business' ? 'business' : 'user',
        decision: json,
      };
    },

    verifyWebhook(raw: string, headers: Headers): VerifiedKycWebhook {
      const ts = headers.get('x-timestamp');
      const v2 = headers.get('x-signature-v2');
      const v1 = headers.get('x-signature');
      if (!v2 && !v1) throw new KycWebhookRejected('unsigned', 'no X-Signature-V2 or X-Signature header');
      if (!ts || !/^\d{9,11}$/.test(ts)) throw new KycWebhookRejected('stale', 'missing or malformed X-Timestamp');
      // Seconds on both sides (Didit's old demo compared seconds with milliseconds).
      if (Math.abs(Math.floor(now() / 1000) - Number(ts)) > maxAgeS) throw new KycWebhookRejected('stale', 'X-Timestamp outside the accepted window');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        // The raw signature can still be checked, but there is nothing to act on.
        throw new KycWebhookRejected('malformed', 'body is not JSON');
      }
      const valid = v2 ? v2SignatureValid(config.webhookSecret, body, ts, v2) : rawSignatureValid(config.webhookSecret, raw, v1!);
      // A V2 header from a re-serialising proxy may be missing while V1 still holds (or the reverse): accept either.
      if (!valid && !(v2 && v1 && rawSignatureValid(config.webhookSecret, raw, v1))) {
        throw new KycWebhookRejected('bad_signature', 'signature does not match');
      }
      if (!isRecord(body) || !str(body.session_id)) throw new KycWebhookRejected('malformed', 'no session_id');
      const bodyTs = typeof body.timestamp === 'number' && Number.isFinite(body.timestamp) ? body.timestamp : Number(ts);
      const status = isDiditStatus(body.status) ? body.status : null;
      return {
        sessionId: body.session_id as string,
        status,
        webhookType: str(body.webhook_type) ?? 'status.updated',
        vendorData: str(body.vendor_data),
        eventAt: new Date(bodyTs * 1000),
        dedupeKey: crypto.createHash('sha256').update(canonicalJson(body)).digest('hex'),
        decision: isRecord(body.decision) ? body.decision : null,
        payload: body,
      };
    },
  };
}
