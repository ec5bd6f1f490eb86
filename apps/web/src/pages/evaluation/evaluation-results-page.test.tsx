import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { permissionsOf } from "@dapkit/contract";

import { CurrentUserContext } from "../../lib/current-user";
import type { CurrentUser } from "../../lib/permissions";
import { queryClient } from "../../trpc";
import { EvaluationResultsPage } from "./evaluation-results-page";

const figures = (
  stage: string,
  [invited, responses]: [number, number],
  average: string | null,
) => ({
  stage,
  invited,
  responses,
  rate: invited === 0 ? null : responses / invited,
  rateText: invited === 0 ? null : `${((100 * responses) / invited).toFixed(1)}%`,
  ratings: 0,
  total: 0,
  average,
});

const RESULTS = {
  courses: [
    {
      courseId: "c1",
      courseTitle: "Awareness",
      stages: [
        figures("before", [3, 2], "2.0"),
        figures("after", [3, 2], "4.0"),
        figures("follow_up", [0, 0], null),
      ],
      outcomes: [
        {
          outcomeId: "o1",
          statement: "Spot the signs",
          current: true,
          stages: [
            figures("before", [0, 0], "1.5"),
            figures("after", [0, 0], "3.5"),
            figures("follow_up", [0, 0], null),
          ],
          changeAfter: "+2.0",
          changeFollowUp: null,
        },
      ],
      comments: [{ stage: "after", comment: "Much clearer now" }],
    },
  ],
  agencies: [
    {
      agencyId: "a1",
      agencyName: "Northshire NHS Trust",
      stages: [figures("before", [1, 0], null)],
    },
  ],
};

beforeEach(() => {
  vi.stubGlobal("fetch", (url: string) => {
    const answers = url
      .split("/trpc/")[1]
      ?.split("?")[0]
      ?.split(",")
      .map((path) => ({ result: { data: path === "evaluation.results.get" ? RESULTS : [] } }));
    return Promise.resolve(new Response(JSON.stringify(answers)));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
});

test("an agency lead reads each course's figures, its outcomes' change and comments without names", async () => {
  const lead = {
    id: "u1",
    organisationId: "o1",
    organisationName: "Northshire Partnership",
    email: "lead@northshire.example",
    name: "Lee Lead",
    role: "agency_lead",
    staffId: null,
    agencyId: "a1",
    runsAsPartnership: true,
    permissions: permissionsOf("agency_lead"),
  } as CurrentUser;
  const router = createMemoryRouter(
    [{ path: "/partnership/evaluation", element: <EvaluationResultsPage /> }],
    { initialEntries: ["/partnership/evaluation"] },
  );
  render(
    <CurrentUserContext.Provider value={lead}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </CurrentUserContext.Provider>,
  );
  await screen.findByRole("heading", { name: "Awareness" });
  expect(screen.getByText("These figures count your own agency’s people only.")).toBeTruthy();
  // Only those who may change courses are offered to set learning outcomes.
  expect(screen.queryByRole("button", { name: /learning outcomes/ })).toBeNull();
  const outcomes = screen.getByRole("table", {
    name: /Average confidence in each learning outcome/,
  });
  expect(
    within(outcomes)
      .getAllByRole("cell")
      .map((cell) => cell.textContent),
  ).toEqual(["1.5", "3.5", "–", "+2.0", "–"]);
  expect(screen.getByText("Much clearer now")).toBeTruthy();
  const agencies = screen.getByRole("table", { name: "By agency" });
  expect(within(agencies).getByRole("rowheader").textContent).toBe("Northshire NHS Trust");
});
