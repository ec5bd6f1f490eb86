import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { BoardReportPage } from "./board-report-page";

const COLUMNS = [
  { key: "agency", label: "Agency", format: "text" },
  { key: "bookings", label: "Bookings", format: "count" },
  { key: "attendanceRate", label: "Attendance rate", format: "percent" },
  { key: "chargesPence", label: "Charges", format: "money" },
];

const REPORT = {
  period: {
    financialYear: "2026/27",
    financialYearStart: 2026,
    quarter: 1,
    start: "2026-04-01",
    end: "2026-06-30",
    label: "Q1 2026/27 (1 April to 30 June 2026)",
  },
  financialYears: ["2026/27", "2025/26"],
  sections: [
    {
      key: "attendance-by-agency",
      title: "Attendance by agency",
      description: "Places booked and what became of them.",
      columns: COLUMNS,
      rows: [
        {
          agency: "Northshire Police",
          bookings: 1318,
          attendanceRate: 304 / 318,
          chargesPence: 14_000,
        },
        { agency: "Haven Women's Aid", bookings: 0, attendanceRate: null, chargesPence: 0 },
      ],
      totals: { agency: "Total", bookings: 1318, attendanceRate: 304 / 318, chargesPence: 14_000 },
    },
    {
      key: "training-by-level",
      title: "Training by level",
      description: "Who holds each level.",
      columns: COLUMNS.slice(0, 2),
      rows: [],
    },
  ],
};

let asked: string[] = [];

beforeEach(() => {
  asked = [];
  vi.stubGlobal("fetch", (url: string) => {
    asked.push(decodeURIComponent(url));
    const answers = url
      .split("/trpc/")[1]
      ?.split("?")[0]
      ?.split(",")
      .map((path) => ({ result: { data: path === "boardReport.get" ? REPORT : null } }));
    return Promise.resolve(new Response(JSON.stringify(answers)));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
});

test("shows each section as a table with its totals, formatted by column, and the downloads", async () => {
  const router = createMemoryRouter(
    [{ path: "/partnership/board-report", element: <BoardReportPage /> }],
    { initialEntries: ["/partnership/board-report?financialYear=2026%2F27&quarter=1"] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const table = await screen.findByRole("table", { name: "Attendance by agency" });
  expect(asked.join(" ")).toContain('"financialYear":"2026/27","quarter":1');
  expect(screen.getByText("Q1 2026/27 (1 April to 30 June 2026)")).toBeTruthy();
  const [police, haven, total] = within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));
  expect(police).toEqual(["Northshire Police", "1,318", "95.6%", "£140.00"]);
  expect(haven).toEqual(["Haven Women's Aid", "0", "–", "£0.00"]);
  expect(total).toEqual(["Total", "1,318", "95.6%", "£140.00"]);
  const csv = screen.getByRole("link", { name: /Download as CSV/ });
  expect(csv.getAttribute("href")).toBe(
    "/api/export/agency-attendance.csv?financialYear=2026%2F27&quarter=1",
  );
  const empty = screen.getByRole("table", { name: "Training by level" });
  expect(within(empty).getByText("There are no figures for this period.")).toBeTruthy();
  expect(screen.getAllByRole("link", { name: /Download as CSV/ })).toHaveLength(1);
});
