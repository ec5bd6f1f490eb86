// @ts-check
import { afterAll, afterEach, beforeEach, vi } from "vitest";

// A test that writes an error or warning to the console is hiding a problem; fail it unless the
// test mocks the console itself.
beforeEach(() => {
  for (const level of /** @type {const} */ (["error", "warn"])) {
    vi.spyOn(console, level).mockImplementation((...args) => {
      throw new Error(`console.${level} was called: ${args.map(String).join(" ")}`);
    });
  }
});

// So is one that makes Node warn (a listener leak, a deprecated API, an unhandled rejection
// handled late): Node prints those to stderr, where they scroll past unread. A warning arrives on
// a later tick than the code that caused it, so it fails the test it arrived in, or the file.
/** @type {Error[]} */
const warnings = [];
/** @param {Error} warning */
const collect = (warning) => {
  warnings.push(warning);
};
process.on("warning", collect);

function failOnWarnings() {
  const arrived = warnings.splice(0);
  if (arrived.length > 0) {
    const lines = arrived.map((warning) => `${warning.name}: ${warning.message}`);
    throw new Error(`Node emitted a process warning:\n${lines.join("\n")}`);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  failOnWarnings();
});

// A worker may run several files: each file's listener goes with it.
afterAll(() => {
  process.off("warning", collect);
  failOnWarnings();
});
