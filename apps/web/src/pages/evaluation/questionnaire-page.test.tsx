import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { QuestionnairePage } from "./questionnaire-page";

const QUESTIONNAIRE = {
  nominationId: "n1",
  stage: "after",
  courseTitle: "Domestic abuse awareness",
  startsAt: "2026-07-15T08:30:00Z",
  outcomes: [
    { id: "o1", statement: "Recognise coercive control" },
    { id: "o2", statement: "Refer to MARAC" },
  ],
  submittedAt: null,
  problem: null,
};

// Reads answer with the questionnaire; a submission answers with it sent.
const sent: { method: string; url: string; body: string }[] = [];

beforeEach(() => {
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? init.body : "";
    sent.push({ method, url, body });
    const data = method === "GET" ? QUESTIONNAIRE : { ...QUESTIONNAIRE, submittedAt: "now" };
    return Promise.resolve(new Response(JSON.stringify([{ result: { data } }])));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
  queryClient.clear();
});

function renderPage() {
  const router = createMemoryRouter(
    [
      { path: "/my-training/evaluations/:nominationId/:stage", element: <QuestionnairePage /> },
      { path: "/my-training", element: <p>My training</p> },
    ],
    { initialEntries: ["/my-training/evaluations/n1/after"] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

test("each outcome is a fieldset of five radios; an unanswered one is named and nothing is sent", async () => {
  const user = userEvent.setup();
  renderPage();
  const first = await screen.findByRole("group", { name: /Recognise coercive control/ });
  expect(within(first).getAllByRole("radio")).toHaveLength(5);
  await user.click(within(first).getByLabelText("4 – Confident"));
  await user.click(screen.getByRole("button", { name: "Send answers" }));
  const summary = screen.getByText("There is a problem").closest(".govuk-error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  expect(
    within(summary)
      .getAllByRole("link")
      .map((link) => link.textContent),
  ).toEqual(['Choose how confident you are, from 1 to 5, for "Refer to MARAC"']);
  expect(within(summary).getByRole("link").getAttribute("href")).toBe("#rating-o2");
  expect(sent.filter((request) => request.method !== "GET")).toEqual([]);
});

test("a complete questionnaire sends one rating per outcome and the comments", async () => {
  const user = userEvent.setup();
  renderPage();
  const first = await screen.findByRole("group", { name: /Recognise coercive control/ });
  await user.click(within(first).getByLabelText("4 – Confident"));
  const second = screen.getByRole("group", { name: /Refer to MARAC/ });
  await user.click(within(second).getByLabelText("2 – A little confident"));
  await user.type(screen.getByLabelText("Comments (optional)"), "More on MARAC please");
  await user.click(screen.getByRole("button", { name: "Send answers" }));
  await screen.findByText("My training");
  const [post] = sent.filter((request) => request.method === "POST");
  expect(post?.url).toContain("evaluation.questionnaires.submit");
  expect(JSON.parse(post?.body ?? "{}")).toEqual({
    0: {
      nominationId: "n1",
      stage: "after",
      ratings: [
        { outcomeId: "o1", confidence: 4 },
        { outcomeId: "o2", confidence: 2 },
      ],
      comment: "More on MARAC please",
    },
  });
});
