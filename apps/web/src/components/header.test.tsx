import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { expect, test } from "vitest";

import { permissionsOf } from "@dapkit/contract";

import type { CurrentUser } from "../lib/permissions";
import { queryClient } from "../trpc";
import { Header } from "./header";

function renderHeader(user: CurrentUser, path = "/") {
  const router = createMemoryRouter([{ path: "*", element: <Header user={user} /> }], {
    initialEntries: [path],
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return within(screen.getByRole("navigation", { name: "Menu" }));
}

const base = {
  id: "u1",
  organisationId: "o1",
  organisationName: "Northshire Borough Council",
  runsAsPartnership: false,
  staffId: null,
  agencyId: null,
} as const;

test("a manager sees training and staff only, and sign out", () => {
  const nav = renderHeader({
    ...base,
    email: "manager@northshire.example",
    name: "Morgan Ellis",
    role: "manager",
    permissions: ["readTraining", "nominate", "cancelNomination"],
  });
  expect(nav.getAllByRole("link").map((link) => link.textContent)).toEqual([
    "Dashboard",
    "Training",
    "Staff",
    "My account",
  ]);
  expect(nav.getByRole("button", { name: "Sign out (Morgan Ellis)" })).toBeTruthy();
  expect(screen.getByText("Northshire Borough Council")).toBeTruthy();
  expect(screen.getByText(/^Signed in as/).textContent).toBe("Signed in as Morgan Ellis (Manager)");
});

test("the accreditation lead sees accreditation, and the current section is marked", () => {
  const nav = renderHeader(
    {
      ...base,
      email: "lead@northshire.example",
      name: "Logan Price",
      role: "accreditation_lead",
      permissions: [
        "readTraining",
        "readEvidence",
        "manageEvidence",
        "readRecommendations",
        "manageRecommendations",
        "readFunding",
      ],
    },
    "/accreditation/evidence/abc",
  );
  const current = nav.getByRole("link", { name: "Accreditation" });
  expect(current.getAttribute("aria-current")).toBe("true");
  expect(nav.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBeNull();
});

test("an administrator sees users, the audit log and settings, and their role in words", () => {
  const nav = renderHeader(
    {
      ...base,
      email: "admin@northshire.example",
      name: "Alex Adeyemi",
      role: "admin",
      permissions: permissionsOf("admin"),
    },
    "/users/u2",
  );
  expect(nav.getByRole("link", { name: "Users" }).getAttribute("aria-current")).toBe("true");
  expect(nav.getByRole("link", { name: "Audit log" }).getAttribute("href")).toBe("/audit");
  expect(nav.getByRole("link", { name: "Settings" }).getAttribute("href")).toBe("/settings");
  expect(nav.getByRole("link", { name: "My account" }).getAttribute("href")).toBe("/account");
  expect(screen.getByText(/^Signed in as/).textContent).toBe(
    "Signed in as Alex Adeyemi (Administrator)",
  );
});
