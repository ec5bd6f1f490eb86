import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { expect, test } from "vitest";

import { UrgentRefreshers } from "./urgent-refreshers";

function refresher(index: number) {
  return {
    courseId: "c1",
    courseTitle: "Yearly refresher",
    staffId: `s${String(index)}`,
    staffName: `Person ${String(index)}`,
    employeeNumber: `E${String(index)}`,
    departmentName: "Housing",
    lastCompletedOn: "2021-03-01",
    dueOn: "2022-03-01",
    status: index < 2 ? ("overdue" as const) : ("due_soon" as const),
    daysUntilDue: index - 2,
  };
}

function page(shown: number, total: number) {
  return {
    items: Array.from({ length: shown }, (_, index) => refresher(index)),
    total,
    page: 1,
    pageSize: 10,
    next: total > shown ? "position" : null,
    previous: null,
    overdue: 2,
    dueSoon: total - 2,
  };
}

function renderWith(result: ReturnType<typeof page>) {
  const router = createMemoryRouter([{ path: "/", element: <UrgentRefreshers result={result} /> }]);
  render(<RouterProvider router={router} />);
}

test("shows the most urgent refreshers and links to the whole list when there are more", () => {
  renderWith(page(10, 1_234));
  expect(screen.getAllByRole("row")).toHaveLength(11);
  const all = screen.getByRole("link", { name: /^See all/ });
  expect(all.textContent).toBe("See all 1,234 refreshers (2 overdue, 1,232 due soon)");
  expect(all.getAttribute("href")).toBe("/staff/refreshers-due");
});

test("offers no link when every refresher is already shown", () => {
  renderWith(page(3, 3));
  expect(screen.getAllByRole("row")).toHaveLength(4);
  expect(screen.queryByRole("link", { name: /^See all/ })).toBeNull();
});
