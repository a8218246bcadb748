import { Readable } from 'node:stream';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { SesMailTransport } from './aws';
import { MailRejectedError } from './rejected-error';

type Captured = { method: string; hostname: string; path: string; headers: Record<string, string>; body: string };

/** An SES client whose HTTP layer is a function: the request is signed and serialized for real, nothing is sent. */
function clientAnswering(answer: { status: number; headers?: Record<string, string>; body: string }) {
  const requests: Captured[] = [];
  const client = new SESv2Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { method: string; hostname: string; path: string; headers: Record<string, string>; body?: unknown }) => {
        requests.push({ method: request.method, hostname: request.hostname, path: request.path, headers: request.headers, body: typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array) });
        return {
          response: {
            statusCode: answer.status,
            headers: { 'content-type': 'application/json', ...answer.headers },
            body: Readable.from([Buffer.from(answer.body)]),
          },
        };
      },
    } as never,
  });
  return { client, requests };
}

const email = { to: 'ana@example.com', subject: 'Pago confirmado: pedido #1042', text: 'Hola, Ana', html: '<p>Hola, Ana — ñandú</p>' };

describe('SesMailTransport', () => {
  it('sends one SESv2 SendEmail with subject, text and HTML in UTF-8, signed for SES', async () => {
    const { client, requests } = clientAnswering({ status: 200, body: JSON.stringify({ MessageId: '0100-abc' }) });
    const transport = new SesMailTransport({ from: 'VITA <no-reply@vita.example>', region: 'us-east-1', configurationSetName: 'vita-events', client });
    await expect(transport.send(email)).resolves.toEqual({ providerMessageId: '0100-abc' });

    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.hostname).toBe('email.us-east-1.amazonaws.com');
    expect(req.path).toBe('/v2/email/outbound-emails');
    expect(req.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/ses\/aws4_request/);
    expect(JSON.parse(req.body)).toEqual({
      FromEmailAddress: 'VITA <no-reply@vita.example>',
      Destination: { ToAddresses: ['ana@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Pago confirmado: pedido #1042', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Hola, Ana', Charset: 'UTF-8' }, Html: { Data: '<p>Hola, Ana — ñandú</p>', Charset: 'UTF-8' } },
        },
      },
      ConfigurationSetName: 'vita-events',
    });
  });

  it('turns a rejection SES will repeat into MailRejectedError, and keeps throttling retryable', async () => {
    const rejected = clientAnswering({ status: 400, headers: { 'x-amzn-errortype': 'MessageRejected' }, body: JSON.stringify({ message: 'Email address is not verified.' }) });
    const err = await new SesMailTransport({ from: 'no-reply@vita.example', region: 'us-east-1', client: rejected.client }).send(email).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailRejectedError);
    expect((err as Error).message).toMatch(/MessageRejected/);

    const throttled = clientAnswering({ status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' }, body: JSON.stringify({ message: 'slow down' }) });
    const err2 = await new SesMailTransport({ from: 'no-reply@vita.example', region: 'us-east-1', client: throttled.client }).send(email).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(Error);
    expect(err2).not.toBeInstanceOf(MailRejectedError);
    expect((err2 as Error).name).toBe('TooManyRequestsException');
  });
});
