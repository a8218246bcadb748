import { z } from 'zod';

/**
 * The one place that reads process.env. Local defaults are filled in by scripts/local-stack.ts,
 * which starts the embedded parts and exports their coordinates before Next.js starts.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  APP_URL: z.string().url().default('http://localhost:3000'),

  AUTH_MODE: z.enum(['local', 'cognito']).default('local'),
  COGNITO_REGION: z.string().default('us-east-1'),
  COGNITO_USER_POOL_ID: z.string().min(1),
  COGNITO_CLIENT_ID: z.string().min(1),
  /** cognito-local's base URL; unset against real Cognito. */
  COGNITO_ENDPOINT: z.string().url().optional(),
  /** cognito-local's data directory (its users live under `.cognito/db`); read by the dev mail viewer. */
  COGNITO_LOCAL_DATA_DIR: z.string().optional(),

  MEDIA_DRIVER: z.enum(['local', 's3']).default('local'),
  MEDIA_DIR: z.string().default('.data/media'),
  MEDIA_SIGNING_SECRET: z.string().min(32).optional(),
  MEDIA_BUCKET: z.string().optional(),
  MEDIA_REGION: z.string().default('us-east-1'),
  /** Public base URL for S3 objects (CloudFront or bucket URL); unused locally. */
  MEDIA_PUBLIC_BASE_URL: z.string().url().optional(),

  /** Payments: Cregis (the local sandbox by default: scripts/local/cregis-sandbox.ts, same adapter). */
  PAYMENTS_PROVIDER: z.enum(['cregis']).default('cregis'),
  CREGIS_BASE_URL: z.string().url().optional(),
  CREGIS_PID: z.string().optional(),
  CREGIS_API_KEY: z.string().optional(),
  /** Payouts may use a different project/key (WaaS); fall back to the checkout ones. */
  CREGIS_PAYOUT_PID: z.string().optional(),
  CREGIS_PAYOUT_API_KEY: z.string().optional(),
  /** Callbacks older/newer than this many seconds are rejected as stale. */
  CREGIS_CALLBACK_MAX_AGE_S: z.coerce.number().int().positive().default(300),
  /** How long a checkout holds stock and its payment stays open (Cregis valid_time: 10–60). */
  CHECKOUT_VALID_MINUTES: z.coerce.number().int().min(10).max(60).default(30),
  /** Platform commission/ledger currency rules live in the database; this is only the hold default for new stores. */
  FUNDS_HOLD_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  /** Pro needs an approved identity (any store the user owns with KYC approved). */
  PRO_REQUIRES_KYC: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),

  /** Identity verification: DIDIT (the local sandbox by default: scripts/local/didit-sandbox.ts, same adapter). */
  DIDIT_BASE_URL: z.string().url().optional(),
  DIDIT_API_KEY: z.string().optional(),
  /** Console → API & Webhooks → Webhook Secret Key. */
  DIDIT_WEBHOOK_SECRET: z.string().optional(),
  /** Published workflow ids: the KYC one (a person) and the KYB one (a business; falls back to KYC). */
  DIDIT_WORKFLOW_ID_KYC: z.string().optional(),
  DIDIT_WORKFLOW_ID_KYB: z.string().optional(),
  DIDIT_TIMEOUT_MS: z.coerce.number().int().min(500).max(30_000).default(8_000),
  /** Webhooks whose X-Timestamp is further than this from now are rejected. */
  DIDIT_WEBHOOK_MAX_AGE_S: z.coerce.number().int().min(30).max(3600).default(300),
  /** A session with no news for this long is asked about by the reconcile job. */
  KYC_RECONCILE_AFTER_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Payouts (and later role changes) need a sign-in no older than this. */
  RECENT_AUTH_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),

  /** Web Push (VAPID). Locally generated at first start into .data/secrets.json; without them push is off. */
  VAPID_PUBLIC_KEY: z.string().min(20).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  /** Contact the push services can reach (mailto: or https:). */
  VAPID_SUBJECT: z.string().default('mailto:soporte@vita.local'),
  /** Time limit for one push-service request. */
  PUSH_TIMEOUT_MS: z.coerce.number().int().min(500).max(30_000).default(8_000),
  /** Extra CA certificate (PEM file) to trust for push services — only for the local test push service. */
  PUSH_CA_FILE: z.string().optional(),

  /** Email: `local` keeps every message in the outbox table for the dev mail viewer (/dev/correo); `ses` sends it. */
  MAIL_DRIVER: z.enum(['local', 'ses']).default('local'),
  /** Sender for outgoing email; with SES it must be a verified identity. */
  MAIL_FROM: z.string().min(3).default('VITA <no-reply@vita.local>'),
  MAIL_REGION: z.string().default('us-east-1'),

  /** Language model for chat quick replies and summaries: the built-in engine offline, Bedrock on AWS, or any OpenAI-compatible endpoint. */
  LLM_PROVIDER: z.enum(['builtin', 'bedrock', 'openai']).default('builtin'),
  /** Bedrock model or inference-profile id ("us.amazon.nova-micro-v1:0"), or the endpoint's model name. */
  LLM_MODEL_ID: z.string().min(1).optional(),
  /** OpenAI-compatible base URL (Ollama: http://127.0.0.1:11434/v1); for Bedrock, an endpoint override. */
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_REGION: z.string().optional(),
  /** Past this the built-in engine answers instead; sending a message never waits on the model. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(8000).default(6000),

  /** Live video: `local` = the local RTMP→HLS server started by npm run dev (scripts/local/live-server.ts); `ivs` = Amazon IVS. */
  LIVE_PROVIDER: z.enum(['local', 'ivs']).default('local'),
  IVS_REGION: z.string().default('us-east-1'),
  /** Overrides the IVS endpoint (tests point it at a local stub). */
  IVS_ENDPOINT: z.string().url().optional(),
  /** Recording configuration from the Amplify livestream stack: channels created with it record to S3. */
  IVS_RECORDING_CONFIGURATION_ARN: z.string().optional(),
  IVS_CHANNEL_TYPE: z.enum(['STANDARD', 'BASIC', 'ADVANCED_SD', 'ADVANCED_HD']).default('STANDARD'),
  /** Local ingest (OBS / npm run dev:stream) and the local HLS server. */
  LIVE_RTMP_URL: z.string().url().default('rtmp://127.0.0.1:19350/live'),
  LIVE_HLS_BASE_URL: z.string().url().default('http://127.0.0.1:9390'),
  /** Where recordings are read from by players: the recording bucket's public (CloudFront) URL; locally the live server's /recordings. */
  LIVE_RECORDINGS_BASE_URL: z.string().url().default('http://127.0.0.1:9390/recordings'),
  /** Local recordings directory (the live server writes the IVS S3 layout there). */
  LIVE_RECORDINGS_DIR: z.string().default('.data/media/live-recordings'),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment (start the app with npm run dev / npm start): ${fields}`);
  }
  cached = parsed.data;
  return cached;
}
