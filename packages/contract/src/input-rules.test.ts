import { describe, expect, test } from "vitest";

import { CSRF_HEADER, CSRF_HEADERS } from "./csrf";
import { TransitionEvidenceInputSchema } from "./evidence";
import { UpdateOrganisationSettingsInputSchema } from "./organisation";
import {
  ApplyManyInputSchema,
  CancelInputSchema,
  CancelManyInputSchema,
  CancelSessionInputSchema,
  DeclineInputSchema,
} from "./training";
import { schemaProblems as problems } from "./test/schema-problems";

const ID = "0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b";

describe("rules the contract's inputs carry beyond their shapes", () => {
  test("rejecting or expiring evidence needs a reason; approving does not", () => {
    expect(problems(TransitionEvidenceInputSchema, { id: ID, to: "rejected" })).toHaveProperty(
      "note",
    );
    expect(
      problems(TransitionEvidenceInputSchema, { id: ID, to: "expired", note: "" }),
    ).toHaveProperty("note");
    expect(problems(TransitionEvidenceInputSchema, { id: ID, to: "approved" })).toEqual({});
    expect(
      problems(TransitionEvidenceInputSchema, { id: ID, to: "rejected", note: "Out of date" }),
    ).toEqual({});
  });

  test("declining or cancelling many needs a reason; approving or booking many does not", () => {
    const many = { sessionId: ID, ids: [ID] };
    expect(problems(ApplyManyInputSchema, { ...many, action: "decline" })).toEqual({
      note: "Enter the reason for declining",
    });
    expect(problems(ApplyManyInputSchema, { ...many, action: "book" })).toEqual({});
    expect(problems(CancelManyInputSchema, many)).toEqual({
      note: "Enter the reason for cancelling",
    });
    expect(problems(CancelManyInputSchema, { ...many, note: "Session moved" })).toEqual({});
    expect(problems(CancelManyInputSchema, { ...many, ids: [], note: "Moved" })).toEqual({
      ids: "Select at least one person",
    });
  });

  test("declining or cancelling one nomination, or cancelling a session, needs a reason", () => {
    expect(problems(DeclineInputSchema, { id: ID })).toEqual({
      note: "Enter the reason for declining",
    });
    expect(problems(CancelInputSchema, { id: ID, note: "   " })).toEqual({
      note: "Enter the reason for cancelling",
    });
    expect(problems(CancelInputSchema, { id: ID, note: "Off sick" })).toEqual({});
    expect(problems(CancelSessionInputSchema, { id: ID })).toEqual({
      reason: "Enter the reason for cancelling the session",
    });
    expect(problems(CancelSessionInputSchema, { id: ID, reason: "Trainer ill" })).toEqual({});
  });

  test("a single sign-on issuer is https, or http only on this machine", () => {
    const issuer = (issuerUrl: string) =>
      problems(UpdateOrganisationSettingsInputSchema, { sso: { issuerUrl } });
    expect(issuer("https://login.example.gov.uk/v2.0")).toEqual({});
    expect(
      problems(UpdateOrganisationSettingsInputSchema, {
        sso: { roleMapping: { "dapkit-hr": "hr" }, allowedDomains: ["council.gov.uk"] },
      }),
    ).toEqual({});
    expect(issuer("http://127.0.0.1:4000")).toEqual({});
    expect(issuer("http://login.example.gov.uk")).toHaveProperty(["sso.issuerUrl"]);
    expect(
      problems(UpdateOrganisationSettingsInputSchema, {
        sso: { roleMapping: { "": "hr" }, allowedDomains: ["someone@council.gov.uk"] },
      }),
    ).toMatchObject({
      "sso.allowedDomains.0": "must be a domain such as council.gov.uk, with no @",
    });
  });

  test("every client sends the one CSRF header", () => {
    expect(CSRF_HEADERS).toEqual({ [CSRF_HEADER]: "1" });
  });
});
