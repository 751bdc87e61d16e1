import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the test SMTP server received, parsed. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part, when there is one. */
  html?: string;
  /** The `Message-ID` header. */
  messageId?: string;
  /** Every header, names in lower case, values as received (folded lines joined). */
  headers?: Record<string, string>;
}

/**
 * A real SMTP server for tests (the `smtp-server` package) on a free local port: the API under
 * test gets `SMTP_URL = inbox.url` and sends through nodemailer as in production; each message
 * is parsed with `mailparser` and kept.
 */
export interface SmtpInbox {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first message to `to` whose subject matches, received within `timeoutMs`. */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Starts the test SMTP server (no TLS, no authentication: local only). */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines)
            headers[line.key] = line.line
              .slice(line.line.indexOf(':') + 1)
              .replace(/\r?\n\s+/g, ' ')
              .trim();
          for (const address of to)
            mails.push({
              to: address,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : undefined,
              messageId: parsed.messageId,
              headers,
            });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(to, subject, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((m) => m.to === to.toLowerCase() && subject.test(m.subject));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `no mail to ${to} matching ${subject} (received: ${mails.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'none'})`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The `jeton` of the first link in a mail's text. */
export function tokenOf(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\?jeton=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[1];
}
