import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { expect, test } from "vitest";

import { permissionsOf, type UserRole } from "@dapkit/contract";

import { CurrentUserContext } from "../../lib/current-user";
import type { CurrentUser } from "../../lib/permissions";
import { queryClient } from "../../trpc";
import { PartnershipPage } from "./partnership-page";

function renderAs(role: UserRole, runsAsPartnership: boolean) {
  const user: CurrentUser = {
    id: "u1",
    organisationId: "o1",
    organisationName: "Northshire Partnership",
    runsAsPartnership,
    email: "someone@northshire.example",
    name: "Sam Someone",
    role,
    staffId: null,
    agencyId: null,
    permissions: permissionsOf(role),
  };
  return render(
    <QueryClientProvider client={queryClient}>
      <CurrentUserContext.Provider value={user}>
        <MemoryRouter>
          <PartnershipPage />
        </MemoryRouter>
      </CurrentUserContext.Provider>
    </QueryClientProvider>,
  );
}

test("the partnership's managers get its pages and the switch, saying when it is off", () => {
  renderAs("hr", false);
  expect(screen.getByRole("link", { name: "Agencies" }).getAttribute("href")).toBe(
    "/partnership/agencies",
  );
  expect(
    screen.getByText("Your organisation does not run as a partnership of agencies."),
  ).toBeTruthy();
  expect(
    screen.getByRole("group", { name: "Does your organisation run as a partnership of agencies?" }),
  ).toBeTruthy();
});

test("a reader gets the pages but not the switch", () => {
  renderAs("viewer", true);
  expect(screen.getByRole("link", { name: "Agencies" })).toBeTruthy();
  expect(screen.queryByRole("group")).toBeNull();
  expect(screen.queryByText(/does not run as a partnership/)).toBeNull();
});
