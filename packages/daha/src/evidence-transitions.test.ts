import { EvidenceStatusSchema, type EvidenceStatus } from "@dapkit/schemas";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";
import {
  assertEvidenceTransition,
  canTransitionEvidence,
  evidenceTransitions,
} from "./evidence-transitions";

const statuses = EvidenceStatusSchema.options;

function refusal(from: string, to: string): string {
  try {
    assertEvidenceTransition(from as EvidenceStatus, to as EvidenceStatus);
  } catch (error) {
    expect(error).toBeInstanceOf(DahaRuleError);
    expect((error as DahaRuleError).code).toBe("invalid_transition");
    return (error as DahaRuleError).message;
  }
  throw new Error(`expected ${from} → ${to} to be refused`);
}

describe("evidenceTransitions", () => {
  test("lists exactly the documented lifecycle", () => {
    expect(evidenceTransitions).toEqual({
      draft: ["in_review"],
      in_review: ["approved", "rejected", "draft"],
      approved: ["expired"],
      rejected: ["draft"],
      expired: ["draft"],
    });
    expect(Object.keys(evidenceTransitions).sort()).toEqual([...statuses].sort());
    expect(Object.isFrozen(evidenceTransitions.draft)).toBe(true);
  });
});

describe("canTransitionEvidence", () => {
  test("allows the documented moves", () => {
    expect(canTransitionEvidence("draft", "in_review")).toBe(true);
    expect(canTransitionEvidence("in_review", "approved")).toBe(true);
    expect(canTransitionEvidence("in_review", "rejected")).toBe(true);
    expect(canTransitionEvidence("in_review", "draft")).toBe(true);
    expect(canTransitionEvidence("approved", "expired")).toBe(true);
    expect(canTransitionEvidence("rejected", "draft")).toBe(true);
    expect(canTransitionEvidence("expired", "draft")).toBe(true);
  });

  test("refuses skipping review, un-approving, staying put and unknown statuses", () => {
    expect(canTransitionEvidence("draft", "approved")).toBe(false);
    expect(canTransitionEvidence("approved", "draft")).toBe(false);
    expect(canTransitionEvidence("rejected", "approved")).toBe(false);
    expect(canTransitionEvidence("draft", "draft")).toBe(false);
    expect(canTransitionEvidence("done" as EvidenceStatus, "draft")).toBe(false);
    expect(canTransitionEvidence("draft", "done" as EvidenceStatus)).toBe(false);
    expect(canTransitionEvidence("toString" as EvidenceStatus, "draft")).toBe(false);
  });

  test("agrees with assertEvidenceTransition for every pair", () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...statuses), (from, to) => {
        const allowed = canTransitionEvidence(from, to);
        if (allowed) expect(() => assertEvidenceTransition(from, to)).not.toThrow();
        else expect(() => assertEvidenceTransition(from, to)).toThrow(DahaRuleError);
      }),
    );
  });
});

describe("assertEvidenceTransition", () => {
  test("passes allowed moves", () => {
    expect(() => assertEvidenceTransition("draft", "in_review")).not.toThrow();
  });

  test("explains why review cannot be skipped", () => {
    expect(refusal("draft", "approved")).toBe(
      "Evidence cannot move from draft to approved: it must be sent for review first",
    );
    expect(refusal("draft", "rejected")).toBe(
      "Evidence cannot move from draft to rejected: it must be sent for review first",
    );
  });

  test("explains each other refusal", () => {
    expect(refusal("draft", "expired")).toBe(
      "Evidence cannot move from draft to expired: only approved evidence can expire",
    );
    expect(refusal("approved", "draft")).toBe(
      "Evidence cannot move from approved to draft: approved evidence can only expire; add a new item to replace it",
    );
    expect(refusal("rejected", "in_review")).toBe(
      "Evidence cannot move from rejected to in_review: rejected evidence must go back to draft for rework first",
    );
    expect(refusal("expired", "approved")).toBe(
      "Evidence cannot move from expired to approved: expired evidence must go back to draft to be renewed",
    );
    expect(refusal("in_review", "in_review")).toBe(
      "Evidence cannot move from in_review to in_review: it is already in_review",
    );
  });

  test("names a status it does not know", () => {
    expect(refusal("done", "draft")).toBe(
      'Evidence cannot move from done to draft: "done" is not an evidence status (draft, in_review, approved, rejected, expired)',
    );
    expect(refusal("draft", "submitted")).toBe(
      'Evidence cannot move from draft to submitted: "submitted" is not an evidence status (draft, in_review, approved, rejected, expired)',
    );
  });
});
