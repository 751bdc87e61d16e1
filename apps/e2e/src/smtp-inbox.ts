import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the e2e SMTP server received, parsed. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** Every header, names in lower case, values as received (folded lines joined). */
  headers: Record<string, string>;
}

/** A real SMTP server (the `smtp-server` package) on a free local port, for the built server under test (`SMTP_URL = inbox.url`). */
export interface SmtpInbox {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first message to `to` whose subject matches, received within `timeoutMs`. */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Starts the SMTP server (no TLS, no authentication: local only). Same as the API suite's `test/smtp-inbox.ts`. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines)
            headers[line.key] = line.line
              .slice(line.line.indexOf(':') + 1)
              .replace(/\r?\n\s+/g, ' ')
              .trim();
          for (const r of session.envelope.rcptTo)
            mails.push({
              to: r.address.toLowerCase(),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
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
    async waitFor(to, subject, timeoutMs = 15_000) {
      for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 50))) {
        const found = mails.find((m) => m.to === to.toLowerCase() && subject.test(m.subject));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no mail to ${to} matching ${subject} (received: ${mails.length})`);
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
