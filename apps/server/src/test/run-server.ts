import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** The server package's folder: the working directory of every child process. */
export const SERVER_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** Node's arguments to run src/main.ts from source, as `dapkit-server` runs dist/main.js. */
export const MAIN_ARGS = ["--conditions=@dapkit/source", "--import", "tsx", "src/main.ts"];

/** Node's arguments to run the built server, as `pnpm start` does (build it first). */
export const BUILT_MAIN_ARGS = ["dist/main.js"];

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** The real server (src/main.ts) running as a child process. */
export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts src/main.ts (or, given BUILT_MAIN_ARGS, the built server) with the given environment and
 * waits until it is listening (or exits).
 */
export async function runServer(
  env: Record<string, string>,
  args: readonly string[] = MAIN_ARGS,
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    // The single-council demo, as most tests expect it; a test may still ask for the partnership.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DAPKIT_DEMO_PARTNERSHIP: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  await Promise.race([
    exited,
    (async () => {
      while (!output.includes('"dapkit is running"') && child.exitCode == null) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })(),
  ]);
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode == null) child.kill(signal);
      return exited;
    },
  };
}
