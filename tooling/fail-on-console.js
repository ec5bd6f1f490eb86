// @ts-check
import { afterEach, beforeEach, vi } from "vitest";

// A test that writes an error or warning to the console is hiding a problem; fail it unless the
// test mocks the console itself.
beforeEach(() => {
  for (const level of /** @type {const} */ (["error", "warn"])) {
    vi.spyOn(console, level).mockImplementation((...args) => {
      throw new Error(`console.${level} was called: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});
