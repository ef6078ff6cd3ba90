import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CONFIG } from '../config/config.module';
import type { Config } from '../config/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The one link the mail is about (reset, invitation). */
  link: string;
}

/** How the server sends mail. Only the outbox transport exists; an SMTP one implements the same. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** Nest injection token for the MailTransport. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** The file unsent mails are appended to, one JSON object per line. */
export const outboxFileOf = (config: Pick<Config, 'dataDir'>): string =>
  path.join(config.dataDir, 'outbox.jsonl');

/** One line of `outbox.jsonl`. */
export interface OutboxEntry extends MailMessage {
  /** ISO time the server meant to send it. */
  at: string;
}

/**
 * With no mail transport configured, mails are written to the log (pino, info level) and
 * appended to `<DATA_DIR>/outbox.jsonl`, so an operator — or a browser test — can pass the link
 * on. The link grants access: the log and the outbox must be treated as secret (the file is 0600).
 */
export class OutboxMailTransport implements MailTransport {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly outboxFile: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const logger = this.adapterHost.httpAdapter.getInstance<FastifyInstance>().log;
    logger.info(
      { mail: { to: message.to, subject: message.subject, link: message.link } },
      `mail not sent (no mail transport configured): ${message.subject} — ${message.link}`,
    );
    const entry: OutboxEntry = { at: new Date().toISOString(), ...message };
    try {
      await mkdir(path.dirname(this.outboxFile), { recursive: true });
      // One appendFile call per line: O_APPEND keeps concurrent lines whole on a local disk.
      await appendFile(this.outboxFile, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch (error) {
      // The log line above still carries the link; a full or read-only disk must not fail the request.
      logger.error({ err: error, outbox: this.outboxFile }, 'could not append to the mail outbox');
    }
  }
}

export const mailTransportProvider = {
  provide: MAIL_TRANSPORT,
  useFactory: (adapterHost: HttpAdapterHost, config: Config): MailTransport =>
    new OutboxMailTransport(adapterHost, outboxFileOf(config)),
  inject: [HttpAdapterHost, CONFIG],
};
