import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { expect, test } from "vitest";

import { DataTable } from "./data-table";
import { NotificationBanner } from "./notification-banner";
import { Pagination } from "./pagination";

test("only the newest success banner is shown; the older comes back when it goes", () => {
  const page = (both: boolean) => (
    <>
      <NotificationBanner kind="success">3 people nominated</NotificationBanner>
      <NotificationBanner>Important: the session is full</NotificationBanner>
      {both ? <NotificationBanner kind="success">Done. Booked: 3.</NotificationBanner> : null}
    </>
  );
  const view = render(page(true));
  expect(screen.getAllByRole("alert").map((banner) => banner.textContent)).toEqual([
    "SuccessDone. Booked: 3.",
  ]);
  // Other kinds of banner are not affected.
  expect(screen.getByRole("region", { name: "Important" })).toBeTruthy();
  view.rerender(page(false));
  expect(screen.getAllByRole("alert").map((banner) => banner.textContent)).toEqual([
    "Success3 people nominated",
  ]);
});

test("the pagination's gaps are an ellipsis, not the entity's name", () => {
  render(
    <MemoryRouter>
      <Pagination page={10} pageSize={50} total={1000} hrefFor={(page) => `?page=${page}`} />
    </MemoryRouter>,
  );
  const navigation = screen.getByRole("navigation", { name: "Pagination" });
  expect(navigation.textContent).not.toContain("&");
  expect(navigation.querySelectorAll(".govuk-pagination__item--ellipses")).toHaveLength(2);
  for (const gap of navigation.querySelectorAll(".govuk-pagination__item--ellipses")) {
    expect(gap.textContent).toBe("\u22ef");
  }
});

test("a table scrolls inside a focusable region named by its caption", () => {
  render(
    <DataTable
      caption="Staff"
      rows={[{ id: "1", name: "Ama" }]}
      rowKey={(row) => row.id}
      columns={[{ header: "Name", cell: (row) => row.name }]}
      downloadable={false}
    />,
  );
  const region = screen.getByRole("region", { name: "Staff" });
  expect(region.tabIndex).toBe(0);
  expect(region.querySelector("table")).toBeTruthy();
});
