import { env } from '../../env';
import { SesMailTransport } from './aws';
import { LocalMailTransport } from './local';

export { MailRejectedError } from './rejected-error';

export type OutgoingEmail = { to: string; subject: string; text: string; html: string };

/**
 * Sends one rendered email. `local` sends nothing (the outbox row keeps the rendered message for /dev/correo);
 * `ses` hands it to Amazon SES. A rejection that retrying cannot fix (bad address, unverified sender) is a
 * `MailRejectedError`; anything else is worth retrying.
 */
export interface MailTransport {
  readonly driver: 'local' | 'ses';
  send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }>;
}

const globalForMail = globalThis as unknown as { vitaMailTransport?: MailTransport };

/** The process-wide transport, chosen once by MAIL_DRIVER. */
export function getMailTransport(): MailTransport {
  globalForMail.vitaMailTransport ??= createMailTransportFromEnv();
  return globalForMail.vitaMailTransport;
}

function createMailTransportFromEnv(): MailTransport {
  const e = env();
  if (e.MAIL_DRIVER === 'ses') return new SesMailTransport({ from: e.MAIL_FROM, region: e.MAIL_REGION });
  return new LocalMailTransport();
}

export { LocalMailTransport } from './local';
export { SesMailTransport } from './aws';
