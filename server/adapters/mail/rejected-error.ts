/** The mail service refused the message for good (bad address, unverified sender): retrying cannot help. */
export class MailRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailRejectedError';
  }
}
