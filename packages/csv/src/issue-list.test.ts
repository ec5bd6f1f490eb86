import fc from "fast-check";
import { expect, test } from "vitest";

import { IssueList, MAX_LISTED_ISSUES } from "./issue-list";

const issue = (line: number, message = "x") => ({ line, column: null, message });

test("keeps the first problems by line, in the order found within a line, and counts them all", () => {
  const list = new IssueList(3);
  for (const line of [9, 4, 4, 7, 2, 8]) list.add(issue(line, String(list.count)));
  expect(list.count).toBe(6);
  expect(list.listed.map((kept) => [kept.line, kept.message])).toEqual([
    [2, "4"],
    [4, "1"],
    [4, "2"],
  ]);
});

test("lists at most 100 by default, whatever order problems arrive in", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 400 }), (lines) => {
      const list = new IssueList();
      for (const line of lines) list.add(issue(line));
      expect(list.count).toBe(lines.length);
      expect(list.listed.map((kept) => kept.line)).toEqual(
        [...lines].sort((a, b) => a - b).slice(0, MAX_LISTED_ISSUES),
      );
    }),
  );
  const none = new IssueList(0);
  none.add(issue(1));
  expect([none.count, none.listed]).toEqual([1, []]);
});
