import { createTransport } from "nodemailer";

/** One message as a transport delivers it. */
export interface OutgoingMail {
  /** The same for every attempt at one outbox message, so a repeat is recognised as one. */
  messageId: string;
  from: { name: string; address: string };
  replyTo: string | null;
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** A calendar invitation or cancellation, sent so mail programs show it as a meeting. */
  calendar: { method: string; content: string } | null;
}

/**
 * Something that delivers mail: SMTP here; a GOV.UK Notify adapter would be another (its API takes
 * a template id, personalisation and a reference, which is where `messageId` would go).
 */
export interface MailTransport {
  /** Resolves once the mail service has accepted the message; throws DeliveryError if not. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A delivery that did not happen; `message` is the mail service's answer, never the content. */
export class DeliveryError extends Error {
  override name = "DeliveryError";
}

const MAX_REASON = 300;

// nodemailer's errors carry the SMTP reply (`response`, `responseCode`) or a socket error code.
function reasonOf(error: unknown): string {
  const { code, responseCode, response, message } = (error ?? {}) as {
    code?: string;
    responseCode?: number;
    response?: string;
    message?: string;
  };
  const reply = response ?? message ?? "unknown error";
  const reason = [code, responseCode, reply.split(/\r?\n/)[0]]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
  return reason.slice(0, MAX_REASON);
}

// Generous for a slow relay, but bounded: a mail server that never answers must not hold the
// sender (and every message behind it) for ever.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** Delivers through the SMTP server at `url` (`smtp://user:pass@host:587`, `smtps://…`). */
export function smtpTransport(url: string): MailTransport {
  const transporter = createTransport({ url, ...TIMEOUTS });
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          messageId: mail.messageId,
          from: mail.from,
          to: mail.to,
          ...(mail.replyTo == null ? {} : { replyTo: mail.replyTo }),
          subject: mail.subject,
          text: mail.text,
          ...(mail.calendar == null
            ? {}
            : {
                icalEvent: {
                  method: mail.calendar.method,
                  content: mail.calendar.content,
                  filename: "invite.ics",
                },
              }),
        });
      } catch (error) {
        throw new DeliveryError(reasonOf(error), { cause: error });
      }
    },
    close: () => transporter.close(),
  };
}
