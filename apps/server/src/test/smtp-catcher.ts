import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on a loopback port that keeps what it accepts, parsed. */
export interface SmtpCatcher {
  url: string;
  port: number;
  /** The messages accepted so far, in order. */
  received: ParsedMail[];
  /** While set, every message is refused with this temporary failure (451). */
  refusing: boolean;
  /** While set, a message's data is read but never answered: the sender waits on it. */
  holding: boolean;
  /** How many messages have arrived while holding (and so were never accepted). */
  held: () => number;
  /** Resolves once `count` messages have been accepted (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** Starts an SMTP catcher (no TLS, any login) on 127.0.0.1, on a free port unless given one. */
export async function startSmtpCatcher(port = 0): Promise<SmtpCatcher> {
  let heldCount = 0;
  const catcher: Omit<SmtpCatcher, "url" | "port"> & { server: SMTPServer } = {
    received: [],
    refusing: false,
    holding: false,
    held: () => heldCount,
    async waitFor(count, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (catcher.received.length < count) {
        if (Date.now() > until) {
          throw new Error(`Expected ${count} messages, received ${catcher.received.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return catcher.received;
    },
    close: () => new Promise<void>((resolve) => catcher.server.close(() => resolve())),
    server: new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // A held connection is cut rather than waited on when the catcher closes.
      closeTimeout: 200,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          if (catcher.holding) {
            heldCount += 1;
            return;
          }
          if (catcher.refusing) {
            const error = Object.assign(new Error("Mailbox busy, try again later"), {
              responseCode: 451,
            });
            callback(error);
            return;
          }
          simpleParser(Buffer.concat(chunks)).then(
            (mail) => {
              catcher.received.push(mail);
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    }),
  };
  const bound = await new Promise<number>((resolve, reject) => {
    catcher.server.once("error", reject);
    catcher.server.listen(port, "127.0.0.1", () => {
      const address = catcher.server.server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
  return Object.assign(catcher, { port: bound, url: `smtp://127.0.0.1:${bound}` });
}
