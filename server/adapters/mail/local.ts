import type { MailTransport, OutgoingEmail } from './index';

/** Nothing leaves the machine: the delivery job stores the rendered message in its outbox row, read by /dev/correo. */
export class LocalMailTransport implements MailTransport {
  readonly driver = 'local' as const;

  async send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }> {
    if (!email.to.includes('@')) throw new Error(`not an email address: ${email.to}`);
    return { providerMessageId: null };
  }
}
