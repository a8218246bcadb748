import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger({ level: 'info', destination }), lines };
}

describe('logger', () => {
  it('writes JSON lines with the request id of a child logger', () => {
    const { log, lines } = capture();
    log.child({ requestId: 'req-123' }).info({ path: 'cart.add', ms: 4 }, 'procedure ok');
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ app: 'vita', requestId: 'req-123', path: 'cart.add', ms: 4, msg: 'procedure ok', level: 30 });
  });

  it('redacts tokens, passwords, keys, signatures and cookies at any depth we log', () => {
    const { log, lines } = capture();
    const secrets = {
      token: 'tok-SECRET-1',
      accessToken: 'eyJ-SECRET-2',
      req: { headers: { authorization: 'Bearer SECRET-3', cookie: 'vita_at=SECRET-4', 'x-api-key': 'SECRET-5', 'x-signature-v2': 'SECRET-6' } },
      body: { password: 'SECRET-7', refreshToken: 'SECRET-8', nested: { apiKey: 'SECRET-9', sign: 'SECRET-10' } },
      provider: { api_key: 'SECRET-11' },
      email: { acceptUrl: 'https://vita.test/invitacion/SECRET-12' },
      keep: 'visible-value',
    };
    log.info(secrets, 'request');
    const out = lines.join('');
    for (let i = 1; i <= 12; i++) expect(out).not.toContain(`SECRET-${i}`);
    expect(out).toContain('visible-value');
    expect(out).toContain('[redacted]');
  });
});
