import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { formatMoney } from "@dapkit/funding";
import { formatDateTime, formatTime } from "@dapkit/schemas";

import { StatusTag } from "../components/tag";
import { UptakeSummary } from "../pages/dashboard/uptake-summary";
import { gapWords } from "../pages/funding/gap-words";

// Values that once showed differently here than in the exports, the evidence pack and the CLI.
// The same literals are pinned in apps/server (exports, pack) and packages/cli.

test("201 of 400 attended is 50.3%, as the reports export and @dapkit/training say", () => {
  render(
    <UptakeSummary
      figures={{
        nominated: 400,
        booked: 300,
        attended: 201,
        noShow: 50,
        unableToAttend: 49,
        cancelled: 100,
        attendanceRate: 201 / 400,
      }}
    />,
  );
  expect(screen.getByTestId("uptake-sentence").textContent).toContain(
    "201 of 400 nominated staff attended (50.3%)",
  );
});

test("a Year 1 variance of −£30,217.50 is -£30,218, as the CLI prints it", () => {
  expect(formatMoney(-3_021_750)).toBe("-£30,218");
  expect(gapWords(3_021_750)).toBe("£30,218 shortfall");
  expect(gapWords(-3_021_750)).toBe("£30,218 surplus");
});

test("a summer and a winter session both start at 9:30am London time", () => {
  expect(formatTime("2026-06-15T08:30:00Z")).toBe("9:30am");
  expect(formatTime("2026-01-15T09:30:00Z")).toBe("9:30am");
  expect(formatDateTime("2026-06-15T08:30:00Z")).toBe("15 June 2026 at 9:30am");
});

test("each nomination state and readiness rating shows the words the exports and pack use", () => {
  const words = (status: string) => {
    const { container, unmount } = render(<StatusTag status={status} />);
    const text = container.textContent;
    unmount();
    return text;
  };
  expect(
    [
      "nominated",
      "approved",
      "declined",
      "waitlisted",
      "booked",
      "cancelled",
      "fully_attended",
      "partially_attended",
      "unable_to_attend",
      "no_show",
    ].map(words),
  ).toEqual([
    "Nominated",
    "Approved",
    "Declined",
    "Waiting list",
    "Booked",
    "Cancelled",
    "Fully attended",
    "Partially attended",
    "Unable to attend",
    "No show",
  ]);
  expect(["red", "amber", "green"].map(words)).toEqual([
    "Red: not ready",
    "Amber: action needed",
    "Green: ready",
  ]);
  expect(["in_review", "due_soon", "not_agreed"].map(words)).toEqual([
    "In review",
    "Due soon",
    "Not agreed",
  ]);
});
