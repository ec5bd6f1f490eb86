import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { UptakeSummary, uptakeSentence } from "./uptake-summary";

// The real case the service was built for: 90 staff nominated, 56 attended.
const FIGURES = {
  nominated: 90,
  booked: 70,
  attended: 56,
  noShow: 9,
  unableToAttend: 5,
  cancelled: 8,
  attendanceRate: 56 / 90,
};

test("says the headline in words", () => {
  expect(uptakeSentence(FIGURES)).toBe("56 of 90 nominated staff attended (62.2%)");
});

test("gives every stage's number as text in a table beside the chart", () => {
  render(<UptakeSummary figures={FIGURES} />);
  expect(screen.getByTestId("uptake-sentence").textContent).toContain(
    "56 of 90 nominated staff attended (62.2%)",
  );
  const table = within(screen.getByRole("table", { name: "From nomination to attendance" }));
  const rows = table
    .getAllByRole("row")
    .slice(1)
    .map((row) => row.textContent);
  expect(rows).toEqual([
    "Nominated90",
    "Booked70",
    "Attended56",
    "No show9",
    "Unable to attend5",
    "Cancelled8",
  ]);
  // The chart repeats the figures for sight only; screen readers use the table.
  expect(document.querySelector("svg.app-chart")?.getAttribute("aria-hidden")).toBe("true");
});
