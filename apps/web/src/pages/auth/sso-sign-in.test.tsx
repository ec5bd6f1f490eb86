import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";

import { SSO_PATHS, SSO_REFUSALS } from "@dapkit/contract";

import { SsoSignIn, ssoRefusalErrors } from "./sso-sign-in";

const BUTTON = "Sign in with your organisation’s account";

function renderWith(available: boolean, email: string) {
  const fetched: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string) => {
      fetched.push(url);
      return Promise.resolve(Response.json({ available }));
    }),
  );
  const onMissingEmail = vi.fn();
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <SsoSignIn email={email} onMissingEmail={onMissingEmail} />
    </QueryClientProvider>,
  );
  return { fetched, onMissingEmail, client };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test("offers no button when no organisation uses single sign-on", async () => {
  const { fetched, client } = renderWith(false, "");
  await vi.waitFor(() => expect(client.getQueryData(["sso-available"])).toBe(false));
  expect(fetched).toEqual([SSO_PATHS.availability]);
  expect(screen.queryByRole("button", { name: BUTTON })).toBeNull();
});

test("asks for the address when none is typed yet", async () => {
  const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
  const { onMissingEmail } = renderWith(true, "  ");
  await userEvent.click(await screen.findByRole("button", { name: BUTTON }));
  expect(onMissingEmail).toHaveBeenCalledOnce();
  expect(assign).not.toHaveBeenCalled();
});

test("goes to the start with the address typed", async () => {
  const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
  const { onMissingEmail } = renderWith(true, " Sam+HR@Northshire.example ");
  await userEvent.click(await screen.findByRole("button", { name: BUTTON }));
  expect(onMissingEmail).not.toHaveBeenCalled();
  expect(assign).toHaveBeenCalledWith(
    `${SSO_PATHS.start}?email=${encodeURIComponent("Sam+HR@Northshire.example")}`,
  );
});

test("shows the contract's message for a refusal, and nothing for an unknown reason", () => {
  expect(ssoRefusalErrors("not-allowed")).toEqual({
    fields: [],
    form: SSO_REFUSALS["not-allowed"],
  });
  expect(ssoRefusalErrors("anything else")).toBeNull();
  expect(ssoRefusalErrors(null)).toBeNull();
});
