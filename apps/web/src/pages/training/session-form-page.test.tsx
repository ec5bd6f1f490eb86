import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { SessionFormPage } from "./session-form-page";

// The page reads the courses (a tRPC batch of one, answered with none) and must send nothing else.
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

test("shows every problem at once, what was typed and the schema's checks, and sends nothing", async () => {
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
  await user.type(screen.getByLabelText("Start time"), "9:30am");
  await user.type(screen.getByLabelText("End time"), "half past");
  await user.type(screen.getByLabelText("Number of places"), "0");
  await user.type(screen.getByLabelText("Trainer"), "Sam Patel");
  await user.click(screen.getByRole("button", { name: "Save session" }));

  const summary = screen.getByText("There is a problem").closest(".govuk-error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  expect(
    within(summary)
      .getAllByRole("listitem")
      .map((item) => item.textContent),
  ).toEqual([
    "Select a course",
    "Enter date",
    "End time must be a time, like 9:30am or 14:00",
    "Number of places must be at least 1 place",
    "Location must not be empty",
  ]);
  expect(sent.length).toBeGreaterThan(0);
  // Reading (the courses, whether the organisation is a partnership) is all it did.
  expect(sent.filter((request) => !request.startsWith("GET "))).toEqual([]);
});
