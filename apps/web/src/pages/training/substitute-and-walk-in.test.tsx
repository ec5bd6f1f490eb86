import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { SubstitutePage } from "./substitute-page";
import { UnscheduledAttendeePage } from "./unscheduled-attendee-page";

// One booked nomination on a session that has started (so it is being held), and two people who
// could join it; every call is recorded, mutations answered as the server would.
const SESSION = {
  id: "s1",
  courseTitle: "Domestic abuse awareness",
  startsAt: "2022-05-10T09:00:00.000Z",
  capacity: 20,
  booked: 1,
  closedAt: null,
  cancelledAt: null,
  nominations: [],
  agencies: [],
};
const ANSWERS: Record<string, unknown> = {
  "training.nominations.get": {
    id: "n1",
    staffId: "p0",
    staffName: "Ann Absent",
    departmentName: "Housing",
    sessionId: "s1",
    courseTitle: "Domestic abuse awareness",
    startsAt: "2027-05-10T09:00:00.000Z",
    state: "booked",
    history: [],
  },
  "training.sessions.get": SESSION,
  "training.sessions.candidates": {
    items: [person("p1", "Bea Cover"), person("p2", "Cy Already")],
    total: 2,
    page: 1,
    pageSize: 20,
    selectableIds: ["p1"],
    truncated: false,
  },
  "training.nominations.substitute": {
    cancelled: { staffName: "Ann Absent" },
    substitute: { staffName: "Bea Cover" },
  },
  "training.attendance.addUnscheduled": { staffName: "Bea Cover" },
};

function person(id: string, name: string) {
  const nominationState = id === "p2" ? "booked" : null;
  return {
    id,
    name,
    employeeNumber: `E-${id}`,
    jobTitle: "Officer",
    departmentName: "Housing",
    managerName: null,
    nominationState,
    refusal: null,
  };
}

const sent: { method: string; path: string; body: unknown }[] = [];

beforeEach(() => {
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : null;
    const paths = decodeURIComponent(url.replace(/^\/trpc\//, "").split("?")[0] ?? "").split(",");
    for (const path of paths) sent.push({ method, path, body });
    const results = paths.map((path) => ({ result: { data: ANSWERS[path] ?? null } }));
    return Promise.resolve(new Response(JSON.stringify(results)));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
  queryClient.clear();
});

function renderAt(path: string, entry: string, element: React.ReactNode) {
  const router = createMemoryRouter(
    [
      { path, element },
      { path: "/training/sessions/:id", element: <p>Session page</p> },
      { path: "/training/sessions/:id/attendance", element: <p>Register</p> },
    ],
    { initialEntries: [entry] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

function mutations() {
  return sent.filter((request) => request.method !== "GET");
}

test("a substitute is chosen from those not yet on the session, with a reason, then confirmed", async () => {
  const user = userEvent.setup();
  renderAt(
    "/training/nominations/:nominationId/substitute",
    "/training/nominations/n1/substitute",
    <SubstitutePage />,
  );
  await screen.findByRole("heading", { name: /Send a substitute in Ann Absent's place\?/ });
  // Someone already on the session is not offered.
  expect(await screen.findByLabelText("Bea Cover")).toBeDefined();
  expect(screen.queryByLabelText("Cy Already")).toBeNull();

  await user.click(screen.getByRole("button", { name: "Send substitute" }));
  expect(screen.getByText("There is a problem")).toBeDefined();
  expect(screen.getAllByText("Choose the substitute").length).toBeGreaterThan(0);
  expect(mutations()).toEqual([]);

  await user.click(screen.getByLabelText("Bea Cover"));
  await user.type(screen.getByLabelText("Reason for sending a substitute"), "Off sick");
  await user.click(screen.getByRole("button", { name: "Send substitute" }));
  await screen.findByText("Session page");
  expect(mutations()).toEqual([
    {
      method: "POST",
      path: "training.nominations.substitute",
      body: { 0: { nominationId: "n1", staffId: "p1", reason: "Off sick" } },
    },
  ]);
});

test("someone who attended without a booking is added to the register", async () => {
  const user = userEvent.setup();
  renderAt(
    "/training/sessions/:sessionId/attendance/unscheduled",
    "/training/sessions/s1/attendance/unscheduled",
    <UnscheduledAttendeePage />,
  );
  await screen.findByRole("heading", { name: /Add someone who attended without a booking/ });
  await user.click(screen.getByRole("button", { name: "Add to the register" }));
  expect(screen.getAllByText("Choose who attended").length).toBeGreaterThan(0);
  expect(mutations()).toEqual([]);

  await user.click(await screen.findByLabelText("Bea Cover"));
  await user.click(screen.getByLabelText("Partially attended"));
  await user.click(screen.getByRole("button", { name: "Add to the register" }));
  await screen.findByText("Register");
  expect(mutations()).toEqual([
    {
      method: "POST",
      path: "training.attendance.addUnscheduled",
      body: { 0: { sessionId: "s1", staffId: "p1", outcome: "partially_attended" } },
    },
  ]);
});
