import { expect, test } from "vitest";

import { changedFields, codeWords, valueWords } from "./audit-changes";

test("an update lists only the fields that changed, in words", () => {
  expect(
    changedFields(
      { name: "Sam Jones", role: "hr", active: true, staffId: null },
      { name: "Sam Jones", role: "viewer", active: false, staffId: "s1" },
    ),
  ).toEqual([
    { field: "Role", before: "hr", after: "viewer" },
    { field: "Active", before: "Yes", after: "No" },
    { field: "Staff id", before: "None", after: "s1" },
  ]);
});

test("a creation shows every field as new, and a deletion every field as gone", () => {
  expect(changedFields(null, { title: "Policy", version: 2 })).toEqual([
    { field: "Title", before: "None", after: "Policy" },
    { field: "Version", before: "None", after: "2" },
  ]);
  expect(changedFields({ title: "Policy" }, null)).toEqual([
    { field: "Title", before: "Policy", after: "None" },
  ]);
});

test("nothing recorded on either side, or the same on both, is no change", () => {
  expect(changedFields(null, null)).toEqual([]);
  expect(changedFields(undefined, {})).toEqual([]);
  expect(changedFields({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
});

test("a value that is not a record, and nested values, still read", () => {
  expect(changedFields(3, 4)).toEqual([{ field: "Value", before: "3", after: "4" }]);
  expect(changedFields({ ids: ["a"] }, { ids: ["a", "b"] })).toEqual([
    { field: "Ids", before: '["a"]', after: '["a","b"]' },
  ]);
});

test("long values are cut short and codes become words", () => {
  const long = valueWords("x".repeat(500));
  expect(long).toHaveLength(200);
  expect(long.endsWith("…")).toBe(true);
  expect(codeWords("sign_in_failed")).toBe("Sign in failed");
  expect(codeWords("passwordSignInAllowed")).toBe("Password sign in allowed");
  expect(codeWords("users.update")).toBe("Users update");
});
