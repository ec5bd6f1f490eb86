import { expect, test } from "vitest";

import {
  initialMarks,
  markAll,
  markFieldId,
  marksToSave,
  registerEntries,
  setMark,
  tally,
  unmarkedErrors,
} from "./attendance-register";

const NOMINATIONS = [
  { id: "a", staffName: "Asha Khan", state: "booked" },
  { id: "b", staffName: "Ben Okafor", state: "no_show" },
  { id: "c", staffName: "Cat Jones", state: "waitlisted" },
  { id: "d", staffName: "Dev Patel", state: "booked" },
  { id: "e", staffName: "Eve Li", state: "cancelled" },
];

test("the register lists those booked and those already marked, not the waiting list", () => {
  expect(registerEntries(NOMINATIONS).map((entry) => entry.id)).toEqual(["a", "b", "d"]);
});

test("opens with recorded outcomes filled in and the rest blank", () => {
  const marks = initialMarks(registerEntries(NOMINATIONS));
  expect(marks).toEqual({ a: null, b: "no_show", d: null });
  expect(tally(marks)).toEqual({
    fully_attended: 0,
    partially_attended: 0,
    unable_to_attend: 0,
    no_show: 1,
    unmarked: 2,
  });
});

test("mark all as fully attended, then change the exceptions", () => {
  const entries = registerEntries(NOMINATIONS);
  let marks = markAll(initialMarks(entries), "fully_attended");
  marks = setMark(marks, "d", "partially_attended");
  expect(tally(marks)).toMatchObject({ fully_attended: 2, partially_attended: 1, unmarked: 0 });
  expect(marksToSave(entries, marks)).toEqual([
    { nominationId: "a", outcome: "fully_attended" },
    { nominationId: "b", outcome: "fully_attended" },
    { nominationId: "d", outcome: "partially_attended" },
  ]);
});

test("names everyone not yet marked, linking to their first radio", () => {
  const entries = registerEntries(NOMINATIONS);
  const marks = setMark(initialMarks(entries), "a", "fully_attended");
  expect(unmarkedErrors(entries, marks)).toEqual([
    { field: markFieldId("d"), message: "Select whether Dev Patel attended" },
  ]);
  expect(marksToSave(entries, marks)).toEqual([
    { nominationId: "a", outcome: "fully_attended" },
    { nominationId: "b", outcome: "no_show" },
  ]);
});
