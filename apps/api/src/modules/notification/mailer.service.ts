import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

/** A message as the mailer sent it (kept in memory, last 50, for the log and for tests). */
export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail with nodemailer: over SMTP when `SMTP_URL` is set, otherwise (development,
 * tests) messages are only written to the log and kept in {@link MailerService.outbox}.
 */
/**
 * A delivery failure as a log line may show it: the transport's error code and SMTP reply code,
 * and its message with every e-mail address masked (an SMTP refusal quotes the recipient).
 * @param error what {@link MailerService.send} threw
 * @returns e.g. `ECONNECTION: connect ECONNREFUSED 127.0.0.1:2525`, `EENVELOPE 550: … <[adresse]> …`
 */
export function describeMailFailure(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const head = [e.code, e.responseCode].filter((part) => part !== undefined).join(' ');
  const message = String(e.message ?? error)
    .replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '[adresse]')
    .slice(0, 300);
  return head ? `${head}: ${message}` : message;
}

@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  readonly outbox: SentMail[] = [];

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? createTransport(config.SMTP_URL)
      : createTransport({ jsonTransport: true });
  }

  /**
   * Sends one message from `MAIL_FROM`.
   * @returns when the transport accepted it
   * @throws the transport's error (SMTP refused, unreachable)
   */
  async send(mail: SentMail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    this.outbox.push(mail);
    if (this.outbox.length > 50) this.outbox.shift();
    if (this.config.SMTP_URL) return;
    // outside production the message (its links) is the developer's way in; in production a log line never holds an address or a link with a token
    if (this.config.isProduction) this.logger.warn(`(no SMTP_URL: not sent) ${mail.subject}`);
    else this.logger.log(`(no SMTP_URL: not sent) to ${mail.to}: ${mail.subject}\n${mail.text}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
