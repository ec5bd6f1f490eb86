import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The demo users' password in every e2e run (the server's minimum is 12 characters). */
export const DEMO_PASSWORD = "e2e-demo-password-1";

const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
const SERVER_ENTRY = join(REPO, "apps/server/dist/main.js");
const WEB_INDEX = join(REPO, "apps/web/dist/index.html");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address != null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** The real, built tracker running in a child process with its own empty data folder. */
export interface RunningServer {
  baseUrl: string;
  /** Runs `node apps/server/dist/main.js <args>` against this server's data folder. */
  command: (args: readonly string[]) => Promise<{ code: number; output: string }>;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * Starts `node apps/server/dist/main.js` (what `pnpm build` produces) on a free port with a fresh
 * data folder, so it seeds the demo organisation (or, with `demo: false`, starts empty as a
 * council going live would), and waits until it is listening. The demo is a single council
 * unless `partnership` is true: journeys that are not about partnerships make people with no
 * agency, which a partnership refuses.
 */
export async function startServer(
  options: { demo?: boolean; partnership?: boolean } = {},
): Promise<RunningServer> {
  for (const built of [SERVER_ENTRY, WEB_INDEX]) {
    if (!existsSync(built))
      throw new Error(`${built} is missing: run "pnpm build" from the repository root first`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "dapkit-e2e-"));
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: "127.0.0.1",
      DAPKIT_DATA_DIR: dataDir,
      DAPKIT_DEMO_PASSWORD: DEMO_PASSWORD,
      DAPKIT_DEMO_PARTNERSHIP: options.partnership === true ? "on" : "off",
      ...(options.demo === false ? { DAPKIT_DEMO: "off" } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!output.includes("dapkit is running")) {
    if (child.exitCode != null) throw new Error(`The server stopped while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not start within a minute:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    command: (args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [SERVER_ENTRY, ...args],
          {
            cwd: REPO,
            env: { PATH: process.env.PATH, HOME: process.env.HOME, DAPKIT_DATA_DIR: dataDir },
            timeout: 60_000,
          },
          (error, stdout, stderr) => {
            const code = error == null ? 0 : typeof error.code === "number" ? error.code : 1;
            resolve({ code, output: `${stdout}${stderr}` });
          },
        );
      }),
    stop: async () => {
      if (child.exitCode == null) child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
