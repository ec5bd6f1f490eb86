import { describe, expect, test } from "vitest";

import { acceptedMediaType, assertContentMatches, withMatchingExtension } from "./upload-policy";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("acceptedMediaType", () => {
  test("accepts the allow-list, ignoring parameters and case", () => {
    expect(acceptedMediaType("Text/CSV; charset=UTF-8", "a.csv")).toBe("text/csv");
    expect(acceptedMediaType("image/jpeg", "a.jpg")).toBe("image/jpeg");
  });

  test("reads an Excel-typed .csv as CSV, as Windows labels them", () => {
    expect(acceptedMediaType("application/vnd.ms-excel", "Uptake.CSV")).toBe("text/csv");
    expect(acceptedMediaType("application/vnd.ms-excel", "Uptake.xls")).toBe(
      "application/vnd.ms-excel",
    );
  });

  test.each(["text/html", "image/svg+xml", "text/javascript", "application/zip", undefined])(
    "refuses %s with 415",
    (type) => {
      expect(() => acceptedMediaType(type, "x")).toThrow(
        expect.objectContaining({ code: "unsupported_media_type" }),
      );
    },
  );
});

describe("withMatchingExtension", () => {
  test("adds the type's extension when the name lacks it", () => {
    expect(withMatchingExtension("notes.html", "text/plain")).toBe("notes.html.txt");
    expect(withMatchingExtension("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(withMatchingExtension("scan", "application/pdf")).toBe("scan.pdf");
  });
});

describe("assertContentMatches", () => {
  test("accepts files that start as their type should", () => {
    expect(() => assertContentMatches("application/pdf", bytes("%PDF-1.4"))).not.toThrow();
    expect(() =>
      assertContentMatches(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]),
      ),
    ).not.toThrow();
    expect(() => assertContentMatches("text/csv", bytes("Name,Team\r\n"))).not.toThrow();
  });

  test("refuses mismatches, binary text and markup posing as text", () => {
    for (const [type, head] of [
      ["application/pdf", bytes("<html>")],
      ["image/png", bytes("GIF89a")],
      ["text/plain", new Uint8Array([0x41, 0x00, 0x42])],
      ["text/csv", bytes("\n <svg onload=alert(1)>")],
    ] as const) {
      expect(() => assertContentMatches(type, head)).toThrow(
        expect.objectContaining({ code: "unsupported_media_type" }),
      );
    }
  });
});
