import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The one link the mail is about (reset, invitation). */
  link: string;
}

/** How the server sends mail. Only the log transport exists; an SMTP one implements the same. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** Nest injection token for the MailTransport. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/**
 * With no mail transport configured, mails are written to the log (pino, info level) so an
 * operator can pass the link on. The link grants access: logs must be treated as secret.
 */
export class LogMailTransport implements MailTransport {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async send(message: MailMessage): Promise<void> {
    const logger = this.adapterHost.httpAdapter.getInstance<FastifyInstance>().log;
    logger.info(
      { mail: { to: message.to, subject: message.subject, link: message.link } },
      `mail not sent (no mail transport configured): ${message.subject} — ${message.link}`,
    );
  }
}

export const mailTransportProvider = {
  provide: MAIL_TRANSPORT,
  useFactory: (adapterHost: HttpAdapterHost): MailTransport => new LogMailTransport(adapterHost),
  inject: [HttpAdapterHost],
};
