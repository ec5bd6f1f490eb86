import { describe, expect, test } from "vitest";

import { issueField } from "./api-error";

describe("issueField", () => {
  test("is the top-level key, or the key inside data for a change", () => {
    expect(issueField(["title"])).toBe("title");
    expect(issueField(["staffIds", 3])).toBe("staffIds");
    expect(issueField(["data", "title"])).toBe("title");
    expect(issueField(["data", "plan", "years", 0])).toBe("plan");
    expect(issueField(["marks", 0, "outcome"])).toBe("marks");
  });

  test("is data itself when the whole change is at fault, and null for the whole input", () => {
    expect(issueField(["data"])).toBe("data");
    expect(issueField([])).toBeNull();
    expect(issueField([0])).toBe("0");
  });
});
