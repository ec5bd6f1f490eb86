import { EvidenceStatusSchema } from "@dapkit/schemas";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import {
  assessReadiness,
  DEFAULT_REVIEW_WINDOW_DAYS,
  type AreaReadiness,
  type ReadinessCheck,
  type ReadinessEvidence,
} from "./assess-readiness";
import { DahaRuleError } from "./daha-rule-error";
import { defaultFramework } from "./frameworks";

const asOf = "2025-01-31";

function item(overrides: Partial<ReadinessEvidence> = {}): ReadinessEvidence {
  return {
    id: "e1",
    areaId: "policies-and-procedures",
    title: "Resident DA policy",
    status: "approved",
    reviewDate: null,
    expiryDate: null,
    ...overrides,
  };
}

function area(
  evidence: readonly ReadinessEvidence[],
  options: { checks?: ReadinessCheck[]; reviewWindowDays?: number; id?: string } = {},
): AreaReadiness {
  const result = assessReadiness({ framework: defaultFramework, evidence, asOf, ...options });
  const found = result.find((entry) => entry.areaId === (options.id ?? "policies-and-procedures"));
  if (found === undefined) throw new Error("area missing");
  return found;
}

function refusal(run: () => unknown): DahaRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof DahaRuleError) return error;
    throw error;
  }
  throw new Error("expected a DahaRuleError");
}

describe("assessReadiness: shape", () => {
  test("gives one entry per area, in framework order, red when there is no evidence", () => {
    const result = assessReadiness({ framework: defaultFramework, evidence: [], asOf });
    expect(result.map((entry) => entry.areaId)).toEqual(defaultFramework.areas.map((a) => a.id));
    expect(result.map((entry) => entry.areaName)).toEqual(
      defaultFramework.areas.map((a) => a.name),
    );
    expect(result[0]).toEqual({
      areaId: "policies-and-procedures",
      areaName: "Policies & Procedures",
      rag: "red",
      reasons: ["No approved evidence"],
      counts: {
        approved: 0,
        selfApproved: 0,
        inReview: 0,
        draft: 0,
        rejected: 0,
        expired: 0,
        dueForReview: 0,
        expiringSoon: 0,
      },
    });
  });

  test("the default review window is 30 days", () => {
    expect(DEFAULT_REVIEW_WINDOW_DAYS).toBe(30);
    expect(area([item({ reviewDate: "2025-03-02" })]).rag).toBe("amber");
    expect(area([item({ reviewDate: "2025-03-03" })]).rag).toBe("green");
  });
});

describe("assessReadiness: red", () => {
  test("drafts, items in review and rejected items do not count", () => {
    const result = area([
      item({ id: "a", status: "draft" }),
      item({ id: "b", status: "in_review" }),
      item({ id: "c", status: "rejected" }),
    ]);
    expect(result.rag).toBe("red");
    expect(result.reasons).toEqual(["No approved evidence"]);
    expect(result.counts).toMatchObject({ draft: 1, inReview: 1, rejected: 1, approved: 0 });
  });

  test("says when all approved evidence has expired, by date or as stored", () => {
    const result = area([
      item({ id: "a", expiryDate: "2025-01-31" }),
      item({ id: "b", status: "expired" }),
      item({ id: "c", status: "draft" }),
    ]);
    expect(result.rag).toBe("red");
    expect(result.reasons).toEqual(["All approved evidence has expired"]);
    expect(result.counts).toMatchObject({ approved: 0, expired: 2, draft: 1 });
  });
});

describe("assessReadiness: amber", () => {
  test("names an item past its review date, with the date", () => {
    const result = area([item({ reviewDate: "2025-01-19" })]);
    expect(result.rag).toBe("amber");
    expect(result.reasons).toEqual([
      '"Resident DA policy" was due for review on 19 January 2025 (12 days ago)',
    ]);
    expect(result.counts).toMatchObject({ approved: 1, dueForReview: 1 });
  });

  test("says 1 day, today and in N days", () => {
    expect(area([item({ reviewDate: "2025-01-30" })]).reasons).toEqual([
      '"Resident DA policy" was due for review on 30 January 2025 (1 day ago)',
    ]);
    expect(area([item({ reviewDate: "2025-01-31" })]).reasons).toEqual([
      '"Resident DA policy" is due for review today (31 January 2025)',
    ]);
    expect(area([item({ reviewDate: "2025-02-01" })]).reasons).toEqual([
      '"Resident DA policy" is due for review on 1 February 2025 (in 1 day)',
    ]);
    expect(area([item({ reviewDate: "2025-02-14" })]).reasons).toEqual([
      '"Resident DA policy" is due for review on 14 February 2025 (in 14 days)',
    ]);
  });

  test("names an item that expires within the window", () => {
    const result = area([item({ expiryDate: "2025-02-01" })]);
    expect(result.rag).toBe("amber");
    expect(result.reasons).toEqual(['"Resident DA policy" expires on 1 February 2025 (in 1 day)']);
    expect(result.counts).toMatchObject({ approved: 1, expiringSoon: 1, expired: 0 });
    expect(area([item({ expiryDate: "2025-02-20" })]).reasons).toEqual([
      '"Resident DA policy" expires on 20 February 2025 (in 20 days)',
    ]);
  });

  test("one stale item is enough, even beside a fresh one", () => {
    const result = area([
      item({ id: "fresh", title: "Staff guidance", reviewDate: "2026-01-01" }),
      item({ id: "stale", reviewDate: "2024-12-31" }),
    ]);
    expect(result.rag).toBe("amber");
    expect(result.counts).toMatchObject({ approved: 2, dueForReview: 1 });
  });

  test("lists reasons by date, then by text, whatever order the evidence came in", () => {
    const evidence = [
      item({ id: "a", title: "B policy", reviewDate: "2025-02-10" }),
      item({ id: "b", title: "A policy", reviewDate: "2025-02-10", expiryDate: "2025-02-05" }),
      item({ id: "c", title: "C policy", reviewDate: "2025-01-01" }),
      item({ id: "d", title: "C policy", reviewDate: "2025-01-01" }),
    ];
    const expected = [
      '"C policy" was due for review on 1 January 2025 (30 days ago)',
      '"C policy" was due for review on 1 January 2025 (30 days ago)',
      '"A policy" expires on 5 February 2025 (in 5 days)',
      '"A policy" is due for review on 10 February 2025 (in 10 days)',
      '"B policy" is due for review on 10 February 2025 (in 10 days)',
    ];
    expect(area(evidence).reasons).toEqual(expected);
    expect(area([...evidence].reverse()).reasons).toEqual(expected);
  });

  test("a zero-day window flags only what is due today or overdue", () => {
    expect(area([item({ reviewDate: "2025-02-01" })], { reviewWindowDays: 0 }).rag).toBe("green");
    expect(area([item({ reviewDate: "2025-01-31" })], { reviewWindowDays: 0 }).rag).toBe("amber");
  });

  test("review and expiry dates on items that do not count are ignored", () => {
    const result = area([
      item({ id: "a", reviewDate: "2026-01-01" }),
      item({ id: "b", status: "draft", reviewDate: "2024-01-01", expiryDate: "2025-02-01" }),
    ]);
    expect(result.rag).toBe("green");
  });
});

describe("assessReadiness: green", () => {
  test("approved, in date and not due soon gives green with no reasons", () => {
    const result = area([
      item({ reviewDate: "2025-06-01", expiryDate: "2028-03-31" }),
      item({ id: "old", status: "expired" }),
    ]);
    expect(result).toMatchObject({ rag: "green", reasons: [] });
    expect(result.counts).toMatchObject({ approved: 1, expired: 1, dueForReview: 0 });
  });
});

describe("assessReadiness: checks", () => {
  const green = [item({ areaId: "staff-development" })];

  test("the worst rating wins and reasons are combined, evidence first", () => {
    const result = area(green, {
      id: "staff-development",
      checks: [
        { areaId: "staff-development", rag: "amber", reason: "Uptake below target" },
        { areaId: "partnerships", rag: "red", reason: "Not for this area" },
      ],
    });
    expect(result).toMatchObject({ rag: "amber", reasons: ["Uptake below target"] });

    const red = area([], {
      id: "staff-development",
      checks: [{ areaId: "staff-development", rag: "green", reason: "Uptake on target" }],
    });
    expect(red).toMatchObject({
      rag: "red",
      reasons: ["No approved evidence", "Uptake on target"],
    });

    const worse = area(green, {
      id: "staff-development",
      checks: [
        { areaId: "staff-development", rag: "red", reason: "One" },
        { areaId: "staff-development", rag: "amber", reason: "Two" },
      ],
    });
    expect(worse).toMatchObject({ rag: "red", reasons: ["One", "Two"] });
  });

  test("a check for an unknown area is an error naming it", () => {
    const error = refusal(() =>
      area([], { checks: [{ areaId: "training", rag: "amber", reason: "x" }] }),
    );
    expect(error.code).toBe("unknown_area");
    expect(error.message).toBe('checks[0]: area "training" is not in framework daha-2022');
  });

  test("a check needs a known rating and a reason", () => {
    const badRag = refusal(() =>
      area([], { checks: [{ areaId: "partnerships", rag: "blue" as "red", reason: "x" }] }),
    );
    expect(badRag).toMatchObject({
      code: "invalid_input",
      message: 'checks[0].rag must be red, amber or green (got "blue")',
    });
    const noReason = refusal(() =>
      area([], { checks: [{ areaId: "partnerships", rag: "red", reason: "  " }] }),
    );
    expect(noReason.message).toBe("checks[0].reason must be a non-empty sentence");
    expect(() =>
      area([], {
        checks: [{ areaId: "partnerships", rag: "red", reason: undefined as unknown as string }],
      }),
    ).toThrow("checks[0].reason must be a non-empty sentence");
    expect(() =>
      area([], { checks: [{ areaId: "partnerships", rag: "toString" as "red", reason: "x" }] }),
    ).toThrow('checks[0].rag must be red, amber or green (got "toString")');
  });
});

describe("assessReadiness: input errors", () => {
  test("evidence for an area not in the framework names the item", () => {
    const error = refusal(() =>
      area([item({ id: "e9", title: "Old training log", areaId: "training" })]),
    );
    expect(error.code).toBe("unknown_area");
    expect(error.message).toBe(
      'Evidence "e9" ("Old training log") is for area "training", which is not in framework daha-2022',
    );
  });

  test("bad dates name the item and the field", () => {
    expect(refusal(() => area([item({ reviewDate: "2025-02-30" })])).message).toBe(
      'Evidence "e1" reviewDate is not a real date (got "2025-02-30")',
    );
    expect(refusal(() => area([item({ status: "draft", expiryDate: "soon" })]))).toMatchObject({
      code: "invalid_date",
      message: 'Evidence "e1" expiryDate must be a date in the form YYYY-MM-DD (got "soon")',
    });
    expect(
      refusal(() => assessReadiness({ framework: defaultFramework, evidence: [], asOf: "today" }))
        .code,
    ).toBe("invalid_date");
  });

  test("an unknown status names the item", () => {
    expect(refusal(() => area([item({ status: "done" as "draft" })])).message).toBe(
      'Evidence "e1" has status "done", which is not one of draft, in_review, approved, rejected, expired',
    );
  });

  test("the review window must be a whole number of days, 0 or more", () => {
    for (const bad of [-1, 1.5, Number.NaN, "30"]) {
      expect(refusal(() => area([], { reviewWindowDays: bad as number }))).toMatchObject({
        code: "invalid_input",
        message: `reviewWindowDays must be a whole number of days, 0 or more (got ${String(bad)})`,
      });
    }
  });

  test("a framework listing an area twice is refused", () => {
    const framework = {
      id: "mine",
      areas: [
        { id: "a", name: "A" },
        { id: "a", name: "A again" },
      ],
    };
    expect(refusal(() => assessReadiness({ framework, evidence: [], asOf }))).toMatchObject({
      code: "invalid_input",
      message: 'Framework mine lists area "a" more than once',
    });
  });
});

describe("assessReadiness: separation of duties", () => {
  const byAuthor = item({ id: "e2", title: "Self-approved policy", approvedByAuthor: true });

  test("an item approved by its own author does not count, and the area says why", () => {
    const result = area([byAuthor]);
    expect(result.rag).toBe("red");
    expect(result.reasons).toEqual(["No evidence approved by someone other than its author"]);
    expect(result.counts).toMatchObject({ approved: 0, selfApproved: 1 });
  });

  test("an item approved by someone else counts beside a self-approved one", () => {
    const result = area([byAuthor, item({ approvedByAuthor: false })]);
    expect(result).toMatchObject({ rag: "green", reasons: [] });
    expect(result.counts).toMatchObject({ approved: 1, selfApproved: 1 });
  });

  test("with separation of duties off, the author's own approval counts", () => {
    const [policies] = assessReadiness({
      framework: defaultFramework,
      evidence: [byAuthor],
      asOf,
      separationOfDuties: false,
    });
    expect(policies).toMatchObject({ rag: "green", counts: { approved: 1, selfApproved: 0 } });
  });

  test("a self-approved item past its expiry reads as expired, whoever approved it", () => {
    const result = area([{ ...byAuthor, expiryDate: "2025-01-01" }]);
    expect(result.counts).toMatchObject({ expired: 1, selfApproved: 0 });
    expect(result.reasons).toEqual(["All approved evidence has expired"]);
  });
});

describe("assessReadiness: properties", () => {
  const areaIds = defaultFramework.areas.map((entry) => entry.id);
  const date = fc
    .integer({ min: 0, max: 3 * 365 })
    .map((offset) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10));
  const evidence = fc.array(
    fc.record({
      id: fc.uuid(),
      areaId: fc.constantFrom(...areaIds),
      title: fc.string({ minLength: 1, maxLength: 20 }),
      status: fc.constantFrom(...EvidenceStatusSchema.options),
      reviewDate: fc.option(date, { nil: null }),
      expiryDate: fc.option(date, { nil: null }),
      approvedByAuthor: fc.boolean(),
    }),
    { maxLength: 40 },
  );

  test("counts add up and the rating follows the documented rules", () => {
    fc.assert(
      fc.property(evidence, date, fc.integer({ min: 0, max: 90 }), (items, day, windowDays) => {
        const result = assessReadiness({
          framework: defaultFramework,
          evidence: items,
          asOf: day,
          reviewWindowDays: windowDays,
        });
        expect(result).toHaveLength(areaIds.length);
        for (const entry of result) {
          const { approved, selfApproved, inReview, draft, rejected, expired } = entry.counts;
          const { dueForReview, expiringSoon } = entry.counts;
          const inArea = items.filter((candidate) => candidate.areaId === entry.areaId).length;
          expect(approved + selfApproved + inReview + draft + rejected + expired).toBe(inArea);
          expect(dueForReview).toBeLessThanOrEqual(approved);
          expect(expiringSoon).toBeLessThanOrEqual(approved);
          const expected =
            approved === 0 ? "red" : dueForReview + expiringSoon > 0 ? "amber" : "green";
          expect(entry.rag).toBe(expected);
          expect(entry.reasons.length).toBe((approved === 0 ? 1 : 0) + dueForReview + expiringSoon);
        }
      }),
    );
  });
});
