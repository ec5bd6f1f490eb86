import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { SessionFormPage } from "./session-form-page";

// The page reads the courses (answered with none) and must send nothing else.
const sent: string[] = [];

beforeEach(() => {
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    sent.push(`${init.method ?? "GET"} ${url}`);
    return Promise.resolve(new Response(JSON.stringify([{ result: { data: [] } }])));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
  queryClient.clear();
});

test("refuses a start time the clocks skip in March, saying why, and sends nothing", async () => {
  const user = userEvent.setup();
  const router = createMemoryRouter(
    [{ path: "/training/sessions/new", element: <SessionFormPage /> }],
    { initialEntries: ["/training/sessions/new"] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await user.type(screen.getByLabelText("Day"), "29");
  await user.type(screen.getByLabelText("Month"), "3");
  await user.type(screen.getByLabelText("Year"), "2026");
  await user.type(screen.getByLabelText("Start time"), "1:30am");
  await user.type(screen.getByLabelText("End time"), "4pm");
  await user.click(screen.getByRole("button", { name: "Save session" }));

  const summary = screen.getByText("There is a problem").closest(".govuk-error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  expect(
    within(summary)
      .getAllByRole("listitem")
      .map((item) => item.textContent),
  ).toContain(
    "1:30am on 29 March 2026 does not exist in London: the clocks go forward an hour that night, so choose a time before or after the change",
  );
  // Reading (the courses, whether the organisation is a partnership) is all it did.
  expect(sent.filter((request) => !request.startsWith("GET "))).toEqual([]);
});
