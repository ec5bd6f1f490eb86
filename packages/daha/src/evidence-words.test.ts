import { EVIDENCE_KINDS, EVIDENCE_STATUSES, type EvidenceStatus } from "@dapkit/schemas";
import { describe, expect, test } from "vitest";

import { evidenceTransitions } from "./evidence-transitions";
import {
  EVIDENCE_KIND_LABELS,
  EVIDENCE_STATUS_LABELS,
  evidenceMoves,
  RAG_LABELS,
} from "./evidence-words";

describe("evidence words", () => {
  test("every kind and status has words, in the schema's order", () => {
    expect(Object.keys(EVIDENCE_KIND_LABELS)).toEqual([...EVIDENCE_KINDS]);
    expect(Object.keys(EVIDENCE_STATUS_LABELS)).toEqual([...EVIDENCE_STATUSES]);
    expect(EVIDENCE_KIND_LABELS.champions_list).toBe("DA champions list");
  });

  test("every rating has words that do not rely on its colour", () => {
    expect(RAG_LABELS).toEqual({
      red: "Red: not ready",
      amber: "Amber: action needed",
      green: "Green: ready",
    });
  });
});

describe("evidenceMoves", () => {
  test("offers exactly the moves the state machine allows, each with words", () => {
    for (const from of EVIDENCE_STATUSES) {
      const moves = evidenceMoves(from);
      expect(moves.map((move) => move.to)).toEqual(evidenceTransitions[from]);
      for (const move of moves) {
        expect(move.label).not.toBe("");
        expect(move.done).toMatch(/^Evidence /);
      }
    }
  });

  test("words the review of an item in review", () => {
    expect(evidenceMoves("in_review")).toEqual([
      {
        to: "approved",
        label: "Approve",
        hint: "It counts towards readiness from its effective date",
        done: "Evidence approved",
      },
      {
        to: "rejected",
        label: "Reject",
        hint: "Say what needs to change in the note",
        done: "Evidence rejected",
      },
      { to: "draft", label: "Return to draft for more work", done: "Evidence returned to draft" },
    ]);
  });

  test("offers nothing from a status it does not know", () => {
    expect(evidenceMoves("archived" as EvidenceStatus)).toEqual([]);
  });
});
