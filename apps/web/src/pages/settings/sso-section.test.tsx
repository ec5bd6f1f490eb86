import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, expect, test, vi } from "vitest";

import { SSO_PATHS, type ApiErrorData } from "@dapkit/contract";

import { queryClient, type Outputs } from "../../trpc";
import { SsoSection } from "./sso-section";

type SsoSettings = Outputs["organisation"]["settings"]["get"]["sso"];

const STORED: SsoSettings = {
  enabled: false,
  issuerUrl: null,
  clientId: null,
  clientSecretSet: true,
  allowedDomains: [],
  roleClaim: null,
  roleMapping: {},
  defaultRole: null,
  createUnknownUsers: false,
};

// What the section sent to /trpc; each call is answered with `answer`.
const sent: { url: string; body: unknown }[] = [];

function answerWith(answer: () => Response) {
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    sent.push({ url, body: JSON.parse(init.body as string) });
    return Promise.resolve(answer());
  });
}

function refusal(data: ApiErrorData) {
  const error = { message: "A message the form does not read", code: -32600, data };
  return new Response(JSON.stringify([{ error }]), { status: data.httpStatus });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

function renderSection(sso: SsoSettings = STORED) {
  const router = createMemoryRouter(
    [
      { path: "/settings", element: <SsoSection sso={sso} /> },
      { path: "/settings/saved", element: <p>saved</p> },
    ],
    { initialEntries: ["/settings"] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

function summaryItems(): string[] {
  const summary = screen.getByText("There is a problem").closest(".govuk-error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  return within(summary)
    .getAllByRole("listitem")
    .map((item) => item.textContent);
}

test("shows the callback URL to register and says an empty secret keeps the stored one", () => {
  renderSection();
  expect(screen.getByText(`${window.location.origin}${SSO_PATHS.callback}`)).toBeDefined();
  expect(screen.getByText(/Leave this empty to keep it/)).toBeDefined();
});

test("saves the settings as the contract takes them, leaving the stored secret alone", async () => {
  const user = userEvent.setup();
  answerWith(() => new Response(JSON.stringify([{ result: { data: {} } }]), { status: 200 }));
  renderSection();
  await user.click(
    within(screen.getByRole("group", { name: "Use single sign-on" })).getByLabelText("Yes"),
  );
  await user.type(screen.getByLabelText("Issuer URL"), "https://login.example.test/tenant/v2.0");
  await user.type(screen.getByLabelText("Client ID"), "client-123");
  await user.type(
    screen.getByLabelText("Allowed email domains"),
    "Fictional.gov.uk{Enter}example.org.uk",
  );
  await user.type(screen.getByLabelText("Role claim"), "groups");
  await user.type(
    screen.getByLabelText("Role mapping"),
    "dap-admins = Administrator{Enter}dap-hr = hr",
  );
  await user.selectOptions(screen.getByLabelText("Default role"), "viewer");
  await user.click(screen.getByRole("button", { name: "Save single sign-on settings" }));

  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]?.url).toContain("organisation.settings.update");
  expect(sent[0]?.body).toEqual({
    0: {
      sso: {
        enabled: true,
        issuerUrl: "https://login.example.test/tenant/v2.0",
        clientId: "client-123",
        allowedDomains: ["Fictional.gov.uk", "example.org.uk"],
        roleClaim: "groups",
        roleMapping: { "dap-admins": "admin", "dap-hr": "hr" },
        defaultRole: "viewer",
        createUnknownUsers: false,
      },
    },
  });
  expect(screen.queryByText("There is a problem")).toBeNull();
});

test("checks the fields with the contract's schema before sending anything", async () => {
  const user = userEvent.setup();
  answerWith(() => new Response("unused", { status: 500 }));
  renderSection();
  await user.type(screen.getByLabelText("Issuer URL"), "http://login.example.test");
  await user.type(screen.getByLabelText("Allowed email domains"), "staff@council.gov.uk");
  await user.type(screen.getByLabelText("Role mapping"), "no role here");
  await user.click(screen.getByRole("button", { name: "Save single sign-on settings" }));

  expect(summaryItems()).toEqual([
    "Issuer URL must start with https://",
    "Allowed email domains must be a domain such as council.gov.uk, with no @",
    "Role mapping line 1 must be a claim value, then =, then a role",
  ]);
  expect(document.getElementById("issuerUrl-error")?.textContent).toBe(
    "Error: Issuer URL must start with https://",
  );
  expect(sent).toEqual([]);
});

test("shows the server's issues against this form's fields", async () => {
  const user = userEvent.setup();
  answerWith(() =>
    refusal({
      code: "BAD_REQUEST",
      httpStatus: 400,
      path: "organisation.settings.update",
      field: "sso",
      issues: [
        { path: ["sso", "clientId"], code: "custom", message: "must be set to use single sign-on" },
      ],
    }),
  );
  renderSection();
  await user.type(screen.getByLabelText("Issuer URL"), "https://login.example.test/v2.0");
  await user.click(screen.getByRole("button", { name: "Save single sign-on settings" }));

  expect(await screen.findByText("There is a problem")).toBeDefined();
  expect(summaryItems()).toEqual(["Client ID must be set to use single sign-on"]);
  expect(document.getElementById("clientId-error")?.textContent).toBe(
    "Error: Client ID must be set to use single sign-on",
  );
});
