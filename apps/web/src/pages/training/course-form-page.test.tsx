import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, expect, test, vi } from "vitest";

import type { ApiErrorData } from "@dapkit/contract";

import { queryClient } from "../../trpc";
import { CourseFormPage } from "./course-form-page";

// What the page sent to /trpc, and the tRPC answer it gets: a refusal carrying the server's
// structured error data, as the server's errorFormatter builds it.
const sent: { url: string; body: unknown }[] = [];

function answerWith(message: string, data: ApiErrorData) {
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    sent.push({ url, body: JSON.parse(init.body as string) });
    const error = { message, code: -32600, data };
    return Promise.resolve(new Response(JSON.stringify([{ error }]), { status: data.httpStatus }));
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

function renderNewCourse() {
  const router = createMemoryRouter(
    [{ path: "/training/courses/new", element: <CourseFormPage /> }],
    { initialEntries: ["/training/courses/new"] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

function summaryItems(): string[] {
  const summary = screen.getByText("There is a problem").closest(".govuk-error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  return within(summary)
    .getAllByRole("listitem")
    .map((item) => item.textContent);
}

test("checks the course with the server's own schema before sending anything, in page order", async () => {
  const user = userEvent.setup();
  answerWith("unused", {
    code: "INTERNAL_SERVER_ERROR",
    httpStatus: 500,
    path: null,
    field: null,
    issues: null,
  });
  renderNewCourse();
  await user.type(screen.getByLabelText(/Refresher interval/), "0");
  await user.click(screen.getByRole("button", { name: "Save course" }));

  expect(summaryItems()).toEqual([
    "Course title must not be empty",
    "Select the course level",
    "Refresher interval must be at least 1 month",
  ]);
  expect(document.getElementById("title-error")?.textContent).toBe(
    "Error: Course title must not be empty",
  );
  expect(sent).toEqual([]);
});

test("shows the server's issues against their fields, without reading its message", async () => {
  const user = userEvent.setup();
  answerWith("A message the form does not read", {
    code: "CONFLICT",
    httpStatus: 409,
    path: "training.courses.create",
    field: "title",
    issues: [
      { path: ["title"], code: "custom", message: "A course called Awareness already exists" },
    ],
  });
  renderNewCourse();
  await user.type(screen.getByLabelText("Course title"), "Awareness");
  await user.click(screen.getByLabelText("Level 1"));
  await user.click(screen.getByRole("button", { name: "Save course" }));

  expect(await screen.findByText("There is a problem")).toBeDefined();
  expect(summaryItems()).toEqual(["A course called Awareness already exists"]);
  expect(document.getElementById("title-error")?.textContent).toBe(
    "Error: A course called Awareness already exists",
  );
  expect(sent).toHaveLength(1);
  expect(sent[0]?.url).toContain("training.courses.create");
  expect(sent[0]?.body).toEqual({
    0: { title: "Awareness", level: 1, refresherIntervalMonths: null, description: "" },
  });
});
