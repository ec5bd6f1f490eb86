import { describe, expect, test } from "vitest";
import type * as z from "zod";

import {
  EmailSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LabelSchema,
  MAX_EMAIL_LENGTH,
  NoteSchema,
} from "./common";

function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const HIDDEN = "must not contain control characters or hidden text-direction marks";

describe("labels and notes refuse characters that hide or reorder text", () => {
  test.each([
    ["U+202E right-to-left override", "\u202E"],
    ["U+202A left-to-right embedding", "\u202A"],
    ["U+2067 right-to-left isolate", "\u2067"],
    ["U+200F right-to-left mark", "\u200F"],
    ["U+061C Arabic letter mark", "\u061C"],
    ["U+200B zero-width space", "\u200B"],
    ["U+2060 word joiner", "\u2060"],
    ["U+0000 null", "\u0000"],
    ["U+001B escape", "\u001B"],
    ["U+007F delete", "\u007F"],
    ["U+0085 next line", "\u0085"],
  ])("%s, in a label and in a note", (_, character) => {
    expect(problems(LabelSchema, `Policy ${character}v2`)).toEqual([HIDDEN]);
    expect(problems(NoteSchema, `Approved ${character}denied`)).toEqual([HIDDEN]);
  });

  test("a label is one line; a note may have lines and tabs", () => {
    expect(problems(LabelSchema, "Line one\nLine two")).toEqual([HIDDEN]);
    expect(problems(LabelSchema, "Tab\tinside")).toEqual([HIDDEN]);
    expect(problems(LabelSchema, "Para\u2029graph")).toEqual([HIDDEN]);
    expect(NoteSchema.parse("Line one\r\nLine two\twith a tab")).toBe(
      "Line one\r\nLine two\twith a tab",
    );
  });

  test("other scripts, accents and emoji joined by U+200D are kept", () => {
    for (const label of ["Zoë O’Brien", "مرحبا بالعالم", "שלום", "Team 👩‍👩‍👧", "नमस्ते"]) {
      expect(LabelSchema.parse(label)).toBe(label);
    }
  });
});

describe("dates stay between 1900 and 2200", () => {
  test("calendar dates", () => {
    expect(IsoDateSchema.parse("1900-01-01")).toBe("1900-01-01");
    expect(IsoDateSchema.parse("2200-12-31")).toBe("2200-12-31");
    expect(problems(IsoDateSchema, "1899-12-31")).toEqual(["must be between 1900 and 2200"]);
    expect(problems(IsoDateSchema, "9999-12-31")).toEqual(["must be between 1900 and 2200"]);
    // A date in the wrong form gets only the form's message.
    expect(problems(IsoDateSchema, "31/12/9999")).toEqual([
      "must be a date in the form YYYY-MM-DD",
    ]);
  });

  test("moments, judged by their year in UTC", () => {
    expect(problems(IsoDateTimeSchema, "9999-12-31T23:00:00-14:00")).toEqual([
      "must be between 1900 and 2200",
    ]);
    expect(problems(IsoDateTimeSchema, "2200-12-31T23:00:00-01:00")).toEqual([
      "must be between 1900 and 2200",
    ]);
    expect(IsoDateTimeSchema.parse("2200-12-31T23:00:00+01:00")).toBe("2200-12-31T23:00:00+01:00");
    expect(problems(IsoDateTimeSchema, "1899-12-31T23:00:00Z")).toEqual([
      "must be between 1900 and 2200",
    ]);
  });
});

describe("email addresses", () => {
  test(`are at most ${String(MAX_EMAIL_LENGTH)} characters`, () => {
    const local = "a".repeat(64);
    const domain = (length: number) => `${"b".repeat(length - 8)}.example`;
    const longest = `${local}@${[domain(63), domain(63), "c".repeat(61)].join(".")}`;
    expect(longest).toHaveLength(254);
    expect(EmailSchema.safeParse(longest).success).toBe(true);
    expect(problems(EmailSchema, `${longest}d`)).toContain("must be at most 254 characters");
    expect(problems(EmailSchema, "x".repeat(5_000_000))).toContain(
      "must be at most 254 characters",
    );
  });
});
