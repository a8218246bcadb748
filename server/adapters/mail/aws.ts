import { SESv2Client, SESv2ServiceException, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailTransport, OutgoingEmail } from './index';
import { MailRejectedError } from './rejected-error';

export type SesMailTransportOptions = {
  /** A verified SES identity ("VITA <no-reply@vita.example>"). */
  from: string;
  region: string;
  /** SES configuration set (event publishing: bounces, complaints), when one is set up. */
  configurationSetName?: string;
  client?: SESv2Client;
};

/** Errors SES answers for a message that will never go out as is; retrying them only burns quota. */
const PERMANENT = new Set(['MessageRejected', 'BadRequestException', 'MailFromDomainNotVerifiedException', 'NotFoundException', 'AccountSuspendedException', 'SendingPausedException']);

export class SesMailTransport implements MailTransport {
  readonly driver = 'ses' as const;
  private readonly client: SESv2Client;

  constructor(private readonly opts: SesMailTransportOptions) {
    this.client =
      opts.client ??
      new SESv2Client({
        region: opts.region,
        // Every external call has a timeout; the outbox job retries with backoff, so the SDK retries little.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
        maxAttempts: 2,
      });
  }

  async send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }> {
    const command = new SendEmailCommand({
      FromEmailAddress: this.opts.from,
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
      ...(this.opts.configurationSetName ? { ConfigurationSetName: this.opts.configurationSetName } : {}),
    });
    try {
      const out = await this.client.send(command);
      return { providerMessageId: out.MessageId ?? null };
    } catch (err) {
      if (err instanceof SESv2ServiceException && PERMANENT.has(err.name)) throw new MailRejectedError(`SES rejected the message: ${err.name}: ${err.message}`, { cause: err });
      throw err;
    }
  }
}
