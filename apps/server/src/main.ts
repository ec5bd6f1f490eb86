#!/usr/bin/env node
import { resolve } from "node:path";

import { openApp, StartupError } from "./app";
import { runBackupCommand, USAGE } from "./backup/backup-command";
import { BackupError } from "./backup/backup-manifest";
import { claimDataDir } from "./backup/data-dir-lock";
import { SchemaMismatchError } from "./db/verify-schema";
import { EnvError, loadEnv, publicUrlOf } from "./env";
import {
  CommandError,
  runCreateOrganisation,
} from "./services/organisations/create-organisation-command";
import { createHttpServer } from "./http/create-server";
import { routes } from "./http/routes";
import { log } from "./log";
import { configureMessages } from "./services/notifications/message-config";
import { startImportRunner } from "./services/imports/import-runner";
import { startMessageSender } from "./services/notifications/message-sender";
import { smtpTransport } from "./services/notifications/mail-transport";
import { WEB_DIST_FOLDER } from "./paths";
import { seedDemoIfEmpty } from "./seed/demo";

async function start(): Promise<void> {
  const env = loadEnv();
  // Held while the server runs (the operating system lets go when it exits), so that a restore
  // refuses the directory rather than swap the database under this one.
  const lock = claimDataDir(resolve(env.DAPKIT_DATA_DIR), (message) => new StartupError(message));
  const opened = await openApp(env.DAPKIT_DATA_DIR);
  const app = {
    ...opened,
    publicUrl: publicUrlOf(env),
    certificateSecret: env.DAPKIT_CERTIFICATE_SECRET,
    imports: startImportRunner(opened.db.$client.name),
  };
  configureMessages({
    publicUrl: app.publicUrl,
    fromAddress: env.DAPKIT_MAIL_FROM ?? `dapkit@${new URL(app.publicUrl).hostname}`,
    deliveryConfigured: env.DAPKIT_SMTP_URL !== undefined,
  });
  if (env.DAPKIT_DEMO === "on") {
    const seeded = await seedDemoIfEmpty(app, {
      password: env.DAPKIT_DEMO_PASSWORD,
      partnership: env.DAPKIT_DEMO_PARTNERSHIP === "on",
    });
    if (seeded !== undefined) {
      // Printed once, on the run that creates them: there is no other way to learn them.
      process.stdout.write(
        `\nCreated the demo organisation "${seeded.organisationName}". Sign in with:\n` +
          seeded.users
            .map((user) => `  ${user.role.padEnd(18)} ${user.email.padEnd(28)} ${user.password}\n`)
            .join("") +
          "\n",
      );
    }
  }
  if (env.DAPKIT_SMTP_URL === undefined) {
    log.warn("DAPKIT_SMTP_URL is not set: messages are kept in the outbox, not sent");
  }
  const sender = startMessageSender(
    app,
    env.DAPKIT_SMTP_URL === undefined ? null : smtpTransport(env.DAPKIT_SMTP_URL),
  );
  const server = createHttpServer(app, {
    webRoot: WEB_DIST_FOLDER,
    routes,
    trustProxy: env.DAPKIT_TRUST_PROXY > 0,
    proxyHops: env.DAPKIT_TRUST_PROXY,
  });
  server.once("error", (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      error.code === "EADDRINUSE"
        ? `Port ${env.PORT} is already in use. Stop the other program or set PORT to a free port.\n`
        : `dapkit could not listen on ${env.HOST}:${env.PORT}: ${error.code ?? error.message}\n`,
    );
    process.exit(1);
  });
  server.listen(env.PORT, env.HOST, () => {
    const host = env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST;
    log.info("dapkit is running", { url: `http://${host}:${env.PORT}`, dataDir: app.dataDir });
  });
  const stop = () => {
    server.close(() => {
      // A delivery under way finishes and is recorded before the database closes.
      void Promise.all([sender.stop(), app.imports.close()]).finally(() => {
        app.db.$client.close();
        lock?.release();
        process.exit(0);
      });
    });
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

// `dapkit-server` or `dapkit-server start` serves; `backup` and `restore` work on the data
// directory; `create-organisation` sets up a council.
async function main(argv: readonly string[]): Promise<void> {
  const [command = "start", ...args] = argv;
  if (command === "start" && args.length === 0) return start();
  if (command === "create-organisation") {
    process.stdout.write(`${runCreateOrganisation(args, loadEnv())}\n`);
    return;
  }
  if (command === "backup" || command === "restore") {
    const env = loadEnv();
    const message = await runBackupCommand(command, args, {
      dataDir: env.DAPKIT_DATA_DIR,
      keyFile: env.DAPKIT_BACKUP_KEY_FILE,
    });
    process.stdout.write(`${message}\n`);
    return;
  }
  throw new BackupError(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof EnvError ||
    error instanceof StartupError ||
    error instanceof BackupError ||
    error instanceof CommandError ||
    error instanceof SchemaMismatchError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `dapkit could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
