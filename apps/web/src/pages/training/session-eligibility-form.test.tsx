import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { SessionFormPage } from "./session-form-page";

// A partnership with two agencies, one not a member, and one course; every other call is
// recorded and answered with nothing.
const ANSWERS: Record<string, unknown> = {
  "training.courses.list": [
    {
      id: "c1",
      title: "Domestic abuse awareness",
      level: 1,
      refresherIntervalMonths: 36,
      description: "",
      createdAt: "2026-01-01T00:00:00.000Z",
      archivedAt: null,
    },
  ],
  "partnership.settings.get": { runsAsPartnership: true },
  "partnership.agencies.list": [
    agency("a1", "Thames Valley Police", true),
    agency("a2", "Hearth Housing", false),
  ],
};

function agency(id: string, name: string, member: boolean) {
  return { id, name, kind: "other", member, people: 3, createdAt: "", archivedAt: null };
}

const sent: { method: string; url: string; body: unknown }[] = [];

beforeEach(() => {
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : null;
    sent.push({ method, url, body });
    const paths = decodeURIComponent(url.replace(/^\/trpc\//, "").split("?")[0] ?? "").split(",");
    const results = paths.map((path) => ({
      result: { data: method === "GET" ? (ANSWERS[path] ?? null) : { id: "s1" } },
    }));
    return Promise.resolve(new Response(JSON.stringify(results)));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
  queryClient.clear();
});

function renderForm() {
  const router = createMemoryRouter(
    [
      { path: "/training/sessions/new", element: <SessionFormPage /> },
      { path: "/training/sessions/:id", element: <p>Session page</p> },
    ],
    { initialEntries: ["/training/sessions/new"] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

async function fillSession(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole("option", { name: "Domestic abuse awareness" });
  await user.selectOptions(screen.getByLabelText("Course"), "c1");
  const date = screen.getByRole("group", { name: "Date" });
  await user.type(within(date).getByLabelText("Day"), "10");
  await user.type(within(date).getByLabelText("Month"), "5");
  await user.type(within(date).getByLabelText("Year"), "2027");
  await user.type(screen.getByLabelText("Start time"), "9:30am");
  await user.type(screen.getByLabelText("End time"), "12:30pm");
  await user.type(screen.getByLabelText("Number of places"), "20");
  await user.type(screen.getByLabelText("Location"), "Civic Centre");
  await user.type(screen.getByLabelText("Trainer"), "Sam Patel");
}

function mutations() {
  return sent.filter((request) => request.method !== "GET");
}

test("a partnership's session is opened to chosen agencies with reserved places and a price", async () => {
  const user = userEvent.setup();
  renderForm();
  await fillSession(user);
  await user.click(await screen.findByLabelText("Chosen agencies only"));
  await user.click(screen.getByLabelText("Thames Valley Police"));
  await user.click(screen.getByLabelText("Hearth Housing (not a member)"));
  await user.type(screen.getByLabelText("Places reserved for Thames Valley Police"), "4");
  const release = screen.getByRole("group", { name: "Reserved places released on" });
  await user.type(within(release).getByLabelText("Day"), "1");
  await user.type(within(release).getByLabelText("Month"), "5");
  await user.type(within(release).getByLabelText("Year"), "2027");
  await user.type(screen.getByLabelText("Reserved places released at"), "9am");
  await user.type(screen.getByLabelText("Price of a place for non-members"), "£50");
  await user.click(screen.getByRole("button", { name: "Save session" }));

  await screen.findByText("Session page");
  const [create, ...rest] = mutations();
  expect(rest).toEqual([]);
  expect((create?.body as Record<string, unknown> | undefined)?.[0]).toMatchObject({
    courseId: "c1",
    capacity: 20,
    openTo: "chosen_agencies",
    agencies: [
      { agencyId: "a1", reservedPlaces: 4 },
      { agencyId: "a2", reservedPlaces: 0 },
    ],
    // 9am on 1 May 2027, British Summer Time.
    reservedUntil: "2027-05-01T08:00:00Z",
    nonMemberPricePence: 5000,
  });
});

test("places, release time and price that cannot be read are named, and nothing is sent", async () => {
  const user = userEvent.setup();
  renderForm();
  await fillSession(user);
  await user.type(await screen.findByLabelText("Places reserved for Thames Valley Police"), "two");
  const release = screen.getByRole("group", { name: "Reserved places released on" });
  await user.type(within(release).getByLabelText("Day"), "1");
  await user.type(within(release).getByLabelText("Month"), "5");
  await user.type(within(release).getByLabelText("Year"), "2027");
  await user.type(screen.getByLabelText("Reserved places released at"), "soon");
  await user.type(screen.getByLabelText("Price of a place for non-members"), "fifty pounds");
  await user.click(screen.getByRole("button", { name: "Save session" }));

  const summary = screen.getByText("There is a problem").closest(".govuk-error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  expect(
    within(summary)
      .getAllByRole("listitem")
      .map((item) => item.textContent),
  ).toEqual([
    "Places reserved for Thames Valley Police must be a whole number, like 2",
    "Release time must be a time, like 9:30am or 14:00",
    "Price of a place for non-members must be an amount of money, like £50",
  ]);
  expect(mutations()).toEqual([]);
});
