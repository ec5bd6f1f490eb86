import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { EXIT_CODES } from "./exit-codes";

// cli.ts runs on import, so each test sets argv, mocks the output and imports a fresh copy.
const argv = process.argv;
let written: string[];

beforeEach(() => {
  vi.resetModules();
  written = [];
  vi.spyOn(process.stdout, "write").mockImplementation((text) => written.push(String(text)) > 0);
  vi.spyOn(process.stderr, "write").mockImplementation((text) => written.push(String(text)) > 0);
});

afterEach(() => {
  process.argv = argv;
  process.exitCode = undefined;
  vi.restoreAllMocks();
  vi.doUnmock("./run");
});

test("the binary runs the command line it is given and sets the exit code", async () => {
  process.argv = ["node", "dapkit", "frob"];
  await import("./cli");
  expect(process.exitCode).toBe(EXIT_CODES.usage);
  expect(written.join("")).toContain('There is no command called "frob"');
});

test("a bug is reported with its stack trace and exit code 70", async () => {
  vi.doMock("./run", () => ({ run: () => Promise.reject(new RangeError("broken")) }));
  process.argv = ["node", "dapkit", "plan", "x.yaml"];
  await import("./cli");
  expect(process.exitCode).toBe(EXIT_CODES.internalError);
  expect(written.join("")).toMatch(
    /^dapkit: unexpected error, please report it:\nRangeError: broken\n {4}at /,
  );
});

test("a thrown value that is not an Error is reported too", async () => {
  vi.doMock("./run", () => ({
    run: () => {
      // A library deep inside could throw anything, not only an Error.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw "plain string";
    },
  }));
  await import("./cli");
  expect(written.join("")).toBe("dapkit: unexpected error, please report it:\nplain string\n");
});
