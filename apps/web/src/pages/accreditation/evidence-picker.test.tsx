import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { queryClient } from "../../trpc";
import { EvidencePicker } from "./evidence-picker";

function item(id: string, title: string) {
  return { id, title, status: "draft" };
}

// Two pages of an area's evidence: the first gives a position to read the second after.
const PAGES: Record<string, unknown> = {
  first: {
    items: [item("e1", "Case audit"), item("e2", "Policy")],
    total: 3,
    page: 1,
    pageSize: 50,
    next: "after-policy",
    previous: null,
  },
  "after-policy": {
    items: [item("e3", "Safety plan template")],
    total: 3,
    page: 2,
    pageSize: 50,
    next: null,
    previous: "at-safety-plan",
  },
};

const asked: unknown[] = [];

beforeEach(() => {
  vi.stubGlobal("fetch", (url: string) => {
    const input = new URL(url, "http://localhost").searchParams.get("input") ?? "{}";
    const request = (JSON.parse(input) as Record<string, { after?: string }>)["0"];
    asked.push(request);
    const data = PAGES[request?.after ?? "first"];
    return Promise.resolve(new Response(JSON.stringify([{ result: { data } }])));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  asked.length = 0;
  queryClient.clear();
});

test("loads an area's evidence a page at a time, keeping an item already linked in view", async () => {
  const user = userEvent.setup();
  const toggle = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <EvidencePicker
        areaId="policies-and-procedures"
        legend="Linked evidence"
        linked={[{ id: "e3", title: "Safety plan template" }]}
        chosen={["e3"]}
        toggle={toggle}
        error={undefined}
      />
    </QueryClientProvider>,
  );
  await screen.findByLabelText("Case audit");
  // The linked item is on a page not yet loaded, yet it shows, ticked, so it can be unticked.
  expect(screen.getByLabelText<HTMLInputElement>("Safety plan template").checked).toBe(true);
  expect(screen.getByRole("status").textContent).toBe("Showing 2 of 3 evidence items");
  expect(asked).toEqual([{ areaId: "policies-and-procedures", pageSize: 50, page: 1 }]);

  await user.click(screen.getByLabelText("Policy"));
  expect(toggle).toHaveBeenCalledWith("e2", true);

  await user.click(screen.getByRole("button", { name: "Show more evidence" }));
  await vi.waitFor(() => expect(asked).toHaveLength(2));
  expect(asked[1]).toEqual({
    areaId: "policies-and-procedures",
    pageSize: 50,
    page: 2,
    after: "after-policy",
  });
  // Once its page has loaded, the linked item shows once, in its place by title; nothing more to load.
  await vi.waitFor(() =>
    expect(screen.queryByRole("button", { name: "Show more evidence" })).toBeNull(),
  );
  expect(screen.getAllByRole("checkbox").map((box) => box.parentElement?.textContent)).toEqual([
    "Case audit",
    "Policy",
    "Safety plan template",
  ]);
});
