import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { CourseFormPage } from "./course-form-page";

// The organisation's framework, as trainingFramework.get answers it (one batched call).
const FRAMEWORK = {
  name: "Kent and Medway DA Training Framework",
  levels: [
    { level: 1, name: "Awareness", defaultRefresherMonths: 36 },
    { level: 2, name: "Practitioner", defaultRefresherMonths: null },
  ],
  rules: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
});

test("offers the framework's levels by name, and a new course starts with its level's refresher", async () => {
  // Queries made together come in one batch, its procedures named in the path.
  vi.stubGlobal("fetch", (url: string) => {
    const paths = new URL(url, "http://localhost").pathname.replace("/trpc/", "").split(",");
    const answers = paths.map((path) => ({
      result: { data: path === "trainingFramework.get" ? FRAMEWORK : [] },
    }));
    return Promise.resolve(new Response(JSON.stringify(answers)));
  });
  const user = userEvent.setup();
  const router = createMemoryRouter(
    [{ path: "/training/courses/new", element: <CourseFormPage /> }],
    { initialEntries: ["/training/courses/new"] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await user.click(await screen.findByLabelText("Level 1: Awareness"));
  expect(screen.queryByLabelText("Level 3")).toBeNull();
  expect(screen.getByLabelText<HTMLInputElement>(/Refresher interval/).value).toBe("36");
  // A level with no default leaves what is there.
  await user.click(screen.getByLabelText("Level 2: Practitioner"));
  expect(screen.getByLabelText<HTMLInputElement>(/Refresher interval/).value).toBe("36");
});
