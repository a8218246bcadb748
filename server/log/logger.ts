import pino from 'pino';

/**
 * Where secrets can appear in what we log: headers, bodies we echo in errors, provider payloads, tokens. Pino's
 * redaction paths match exact keys at a depth (`*` = one level), so each sensitive key is listed at the depths
 * our log lines use. Values become "[redacted]".
 */
const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'password',
  'token',
  'accessToken',
  'idToken',
  'refreshToken',
  'access_token',
  'id_token',
  'refresh_token',
  'apiKey',
  'api_key',
  'secret',
  'clientSecret',
  'signingSecret',
  'privateKey',
  'sign',
  'signature',
  'x-signature',
  'x-signature-v2',
  'cardNumber',
  'sessionToken',
  'acceptUrl',
  'paymentUrl',
];

export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const dot = key.startsWith('[') ? '' : '.';
  return [key, `*${dot}${key}`, `*.*${dot}${key}`, `*.*.*${dot}${key}`];
});

export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): pino.Logger {
  const options: pino.LoggerOptions = {
    level: opts.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { app: 'vita' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

const globalForLog = globalThis as unknown as { vitaLogger?: pino.Logger };

export const logger: pino.Logger = globalForLog.vitaLogger ?? (globalForLog.vitaLogger = createLogger());
