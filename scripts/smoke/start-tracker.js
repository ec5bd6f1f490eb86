// @ts-check
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

/** A port nobody is listening on, from the operating system. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts the built tracker (apps/server/dist/main.js) on a free local port with a fresh data folder
 * and the demo organisation, and resolves once /healthz answers.
 * @param {{ repo: string, dataDir: string, password: string }} options
 */
export async function startTracker({ repo, dataDir, password }) {
  const port = String(await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(repo, "apps/server/dist/main.js")], {
    env: {
      ...process.env,
      DAPKIT_DATA_DIR: dataDir,
      DAPKIT_DEMO_PASSWORD: password,
      PORT: port,
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += String(chunk)));
  child.stderr.on("data", (chunk) => (output += String(chunk)));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode != null) resolve(undefined);
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`The tracker stopped at start-up:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The tracker did not answer on ${url} within 30 seconds:\n${output}`);
}
