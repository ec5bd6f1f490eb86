import { expect, test } from "vitest";

import { formatBytes, sentenceCase } from "./format";

test("words file sizes for people", () => {
  expect(formatBytes(1)).toBe("1 byte");
  expect(formatBytes(512)).toBe("512 bytes");
  expect(formatBytes(1536)).toBe("1.5 KB");
  expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
});

test("starts a message with a capital", () => {
  expect(sentenceCase("must be yes or no")).toBe("Must be yes or no");
  expect(sentenceCase("")).toBe("");
});
