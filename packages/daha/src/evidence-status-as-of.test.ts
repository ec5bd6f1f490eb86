import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";
import { evidenceStatusAsOf } from "./evidence-status-as-of";

describe("evidenceStatusAsOf", () => {
  const approved = { id: "e1", status: "approved", expiryDate: "2025-03-31" } as const;

  test("an approved item counts until the day before its expiry date", () => {
    expect(evidenceStatusAsOf(approved, "2024-04-01")).toBe("approved");
    expect(evidenceStatusAsOf(approved, "2025-03-30")).toBe("approved");
  });

  test("an approved item is expired on and after its expiry date", () => {
    expect(evidenceStatusAsOf(approved, "2025-03-31")).toBe("expired");
    expect(evidenceStatusAsOf(approved, "2031-01-01")).toBe("expired");
  });

  test("an approved item without an expiry date never expires by date", () => {
    expect(evidenceStatusAsOf({ ...approved, expiryDate: null }, "2099-12-31")).toBe("approved");
  });

  test("other statuses are returned as stored, whatever the dates", () => {
    for (const status of ["draft", "in_review", "rejected", "expired"] as const) {
      expect(evidenceStatusAsOf({ ...approved, status }, "2099-12-31")).toBe(status);
      expect(evidenceStatusAsOf({ ...approved, status }, "2000-01-01")).toBe(status);
    }
  });

  test("rejects a bad as-of date", () => {
    expect(() => evidenceStatusAsOf(approved, "31/03/2025")).toThrow(
      new DahaRuleError(
        "invalid_date",
        'asOf must be a date in the form YYYY-MM-DD (got "31/03/2025")',
      ),
    );
  });

  test("rejects a bad expiry date, naming the item", () => {
    expect(() =>
      evidenceStatusAsOf({ ...approved, expiryDate: "2025-02-30" }, "2025-01-01"),
    ).toThrow('Evidence "e1" expiryDate is not a real date (got "2025-02-30")');
  });
});
