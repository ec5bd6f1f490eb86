#!/usr/bin/env node
// A mail server for trying dapkit's messages on this machine: it accepts every message on
// 127.0.0.1 (port 2525 unless given), prints who it is to and its subject, and keeps each one as
// an .eml file (and its calendar attachment as an .ics file) in ./caught-mail. Run it, then start
// dapkit with DAPKIT_SMTP_URL=smtp://127.0.0.1:2525. Stop it with Ctrl+C.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2] ?? 2525);
const folder = resolve(process.argv[3] ?? "caught-mail");
mkdirSync(folder, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks);
      simpleParser(raw).then(
        (mail) => {
          count += 1;
          const name = String(count).padStart(4, "0");
          writeFileSync(join(folder, `${name}.eml`), raw);
          const invite = mail.attachments.find((part) => part.filename?.endsWith(".ics"));
          if (invite !== undefined) writeFileSync(join(folder, `${name}.ics`), invite.content);
          process.stdout.write(
            `${name}  to ${mail.to?.text ?? "?"}  ${mail.subject ?? ""}${invite ? "  [calendar]" : ""}\n`,
          );
          callback();
        },
        (error) => callback(error),
      );
    });
  },
});

server.listen(port, "127.0.0.1", () => {
  process.stdout.write(
    `Catching mail on smtp://127.0.0.1:${port}, keeping it in ${folder}. Ctrl+C stops.\n`,
  );
});
process.once("SIGINT", () => server.close(() => process.exit(0)));
