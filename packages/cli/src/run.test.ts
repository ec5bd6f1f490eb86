import { expect, test } from "vitest";

import packageJson from "../package.json" with { type: "json" };
import { EXIT_CODES } from "./exit-codes";
import { run } from "./run";
import { memoryIo } from "./testing/memory-io";

test.each([[[]], [["--help"]], [["-h"]], [["help"]]])(
  "%j prints the commands and exit codes",
  async (argv) => {
    const { io, stdout, stderr } = memoryIo();
    expect(await run(argv, io)).toBe(EXIT_CODES.ok);
    expect(stdout()).toContain("dapkit plan <plan.json|plan.yaml>");
    expect(stdout()).toContain("dapkit check-variance <table.csv>");
    expect(stdout()).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 /);
    expect(stderr()).toBe("");
  },
);

test.each([
  [["help", "plan"], "Usage: dapkit plan"],
  [["plan", "--help"], "Usage: dapkit plan"],
  [["help", "check-variance"], "Usage: dapkit check-variance"],
  [["check-variance", "-h"], "Usage: dapkit check-variance"],
])("%j prints the command's help", async (argv, start) => {
  const { io, stdout } = memoryIo();
  expect(await run(argv, io)).toBe(EXIT_CODES.ok);
  expect(stdout().startsWith(start)).toBe(true);
  expect(stdout()).toContain("Exit codes:");
});

test.each([["--version"], ["-v"]])("%s prints the version", async (flag) => {
  const { io, stdout } = memoryIo();
  expect(await run([flag], io)).toBe(EXIT_CODES.ok);
  expect(stdout()).toBe(`${packageJson.version}\n`);
});

test.each([
  [
    ["frob"],
    'dapkit: There is no command called "frob".\nRun `dapkit --help` for how to use it.\n',
  ],
  [
    ["help", "frob"],
    'dapkit: There is no command called "frob".\nRun `dapkit --help` for how to use it.\n',
  ],
  [
    ["--json", "plan"],
    'dapkit: Unknown option "--json" (options go after the command).\nRun `dapkit --help` for how to use it.\n',
  ],
])("%j is a usage error, exit code 2, without a stack trace", async (argv, message) => {
  const { io, stdout, stderr } = memoryIo();
  expect(await run(argv, io)).toBe(EXIT_CODES.usage);
  expect(stderr()).toBe(message);
  expect(stdout()).toBe("");
});

test("a failure that is not the user's propagates, for the binary to report as a bug", async () => {
  const { io } = memoryIo();
  const broken = {
    ...io,
    stdout: () => {
      throw new TypeError("stdout closed");
    },
  };
  await expect(run(["--help"], broken)).rejects.toThrow("stdout closed");
});
