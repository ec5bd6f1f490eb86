import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, expect, test, vi } from "vitest";

import { nodeIo } from "./node-io";

const folder = mkdtempSync(join(tmpdir(), "dapkit-cli-"));

afterEach(() => {
  vi.restoreAllMocks();
});

test("reads and writes real files", async () => {
  const io = nodeIo();
  const path = join(folder, "file.txt");
  await io.writeFile(path, new TextEncoder().encode("£1"));
  expect(readFileSync(path, "utf8")).toBe("£1");
  expect(new TextDecoder().decode(await io.readFile(path))).toBe("£1");
  await expect(io.readFile(join(folder, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
  rmSync(folder, { recursive: true });
});

test("prints to standard output and standard error", () => {
  const out = vi.spyOn(process.stdout, "write").mockReturnValue(true);
  const err = vi.spyOn(process.stderr, "write").mockReturnValue(true);
  nodeIo().stdout("to out\n");
  nodeIo().stderr("to err\n");
  expect(out).toHaveBeenCalledWith("to out\n");
  expect(err).toHaveBeenCalledWith("to err\n");
});
