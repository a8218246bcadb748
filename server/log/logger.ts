import pino from 'pino';

const globalForLog = globalThis as unknown as { vitaLogger?: pino.Logger };

export const logger: pino.Logger =
  globalForLog.vitaLogger ??
  (globalForLog.vitaLogger = pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { app: 'vita' },
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.token', '*.password'],
  }));
