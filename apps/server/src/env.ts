import * as z from "zod";

import { formatIssues } from "@dapkit/schemas";

const EnvSchema = z.object({
  DAPKIT_DATA_DIR: z.string().trim().min(1, "must not be empty").default("./data"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(65535, "must be at most 65535")
    .default(3000),
  HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
  // Behind a reverse proxy that terminates HTTPS, believe its X-Forwarded-* headers: "on" for one
  // proxy, or how many proxies there are in a chain (the client is the address the outermost saw).
  DAPKIT_TRUST_PROXY: z
    .string()
    .regex(/^(on|off|[1-9])$/, "must be on, off or the number of proxies (1 to 9)")
    .default("off")
    .transform((value) => (value === "off" ? 0 : value === "on" ? 1 : Number(value))),
  // A fixed password for the demo users (for automated tests); otherwise one is generated.
  DAPKIT_DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  // The file holding the secret that signs backups and verifies them on restore, kept outside the
  // data directory; `backup` and `restore` refuse to run without it (the server does not need it).
  DAPKIT_BACKUP_KEY_FILE: z.string().trim().min(1, "must not be empty").optional(),
  // Where people reach the service, such as https://dapkit.oxford.gov.uk: the origin of the
  // set-password links the service makes. Defaults to http://localhost:PORT.
  DAPKIT_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: "must be a web address such as https://dapkit.council.gov.uk",
    })
    .optional(),
  // The secret that signs certificate verification codes: without it no certificate is made.
  DAPKIT_CERTIFICATE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // The mail server messages go through, such as smtp://user:password@mail.council.gov.uk:587 or
  // smtps://…; without it messages are kept in the outbox and shown as not sent.
  DAPKIT_SMTP_URL: z
    .string()
    .trim()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      "must be an address such as smtp://user:password@mail.example:587",
    )
    .optional(),
  // The address messages come from (and calendar invitations' organiser).
  DAPKIT_MAIL_FROM: z
    .email({ error: "must be an email address such as training@council.gov.uk" })
    .optional(),
  // Seeding an empty database with the fictional demo organisation is on unless turned off.
  DAPKIT_DEMO: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  // The demo runs as a partnership of agencies unless turned off (a single council, as before).
  DAPKIT_DEMO_PARTNERSHIP: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
});

export type Env = z.infer<typeof EnvSchema>;

/** The origin of the links the service makes: DAPKIT_PUBLIC_URL, else this machine's port. */
export function publicUrlOf(env: Pick<Env, "DAPKIT_PUBLIC_URL" | "PORT">): string {
  return env.DAPKIT_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

/** Thrown when the environment is invalid; the message lists every variable at fault. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** Reads and validates the server's settings; the only place the server reads the environment. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(`Invalid environment:\n  ${formatIssues(result.error).join("\n  ")}`);
  }
  return result.data;
}
