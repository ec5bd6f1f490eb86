import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import { EmailSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common";
import { EvidenceItemSchema, FrameworkSchema } from "./daha";
import { FinancialYearLabelSchema } from "./financial-year";
import { formatIssues } from "./format-issues";
import { NonNegativePenceSchema, PenceSchema, PercentSchema } from "./money";
import { RecommendationSchema } from "./recommendation";
import { StaffMemberSchema } from "./staff";
import { CourseSchema, NominationSchema, TrainingSessionSchema } from "./training";

function problems(schema: { safeParse: (input: unknown) => unknown }, input: unknown): string[] {
  const result = schema.safeParse(input) as
    { success: true } | { success: false; error: Parameters<typeof formatIssues>[0] };
  return result.success ? [] : formatIssues(result.error);
}

describe("money", () => {
  test("accepts any safe integer number of pence", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (pence) => {
        expect(PenceSchema.parse(pence)).toBe(pence);
      }),
    );
  });

  test("rejects fractions of a penny, unsafe integers, NaN and text", () => {
    for (const bad of [0.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity, "100"]) {
      expect(problems(PenceSchema, bad)).toEqual([
        "must be a whole number of pence within the safe integer range",
      ]);
    }
    expect(problems(PenceSchema, undefined)).toEqual(["is required"]);
  });

  test("non-negative amounts refuse negatives", () => {
    expect(NonNegativePenceSchema.parse(0)).toBe(0);
    expect(problems(NonNegativePenceSchema, -1)).toEqual(["must not be negative"]);
  });

  test("percentages lie between 0 and 100", () => {
    expect(PercentSchema.parse(33.33)).toBe(33.33);
    expect(problems(PercentSchema, 100.01)).toEqual(["must be at most 100 %"]);
    expect(problems(PercentSchema, -1)).toEqual(["must be at least 0 %"]);
    expect(problems(PercentSchema, "5%")).toEqual(["must be a number (a percentage)"]);
  });
});

describe("financial year labels", () => {
  test("accepts canonical labels, including the turn of the century", () => {
    for (const label of ["2014/15", "1999/00", "2099/00"]) {
      expect(FinancialYearLabelSchema.parse(label)).toBe(label);
    }
  });

  test("reads the other spellings as the canonical label", () => {
    expect(FinancialYearLabelSchema.parse("2014-15")).toBe("2014/15");
  });

  test("rejects what is not a financial year and non-consecutive years", () => {
    expect(problems(FinancialYearLabelSchema, "2014")).toEqual([
      "must be a financial year label like 2014/15",
    ]);
    expect(problems(FinancialYearLabelSchema, "2014/16")).toEqual([
      "must name two consecutive years, like 2014/15",
    ]);
    expect(problems(FinancialYearLabelSchema, 2014)).toEqual([
      "must be a financial year label like 2014/15",
    ]);
  });
});

describe("common fields", () => {
  test("identifiers are trimmed, non-empty and short", () => {
    expect(IdSchema.parse(" abc ")).toBe("abc");
    expect(problems(IdSchema, "")).toEqual(["must not be empty"]);
    expect(problems(IdSchema, "x".repeat(65))).toEqual(["must be at most 64 characters"]);
    expect(problems(IdSchema, 7)).toEqual(["must be an identifier (text)"]);
  });

  test("email addresses are normalised to lower case", () => {
    expect(EmailSchema.parse(" Alex.Smith@Council.GOV.uk ")).toBe("alex.smith@council.gov.uk");
    expect(problems(EmailSchema, "not-an-email")).toEqual([
      "must be an email address, like name@council.gov.uk",
    ]);
  });

  test("dates and times must be ISO", () => {
    expect(IsoDateSchema.parse("2016-04-01")).toBe("2016-04-01");
    expect(problems(IsoDateSchema, "01/04/2016")).toEqual([
      "must be a date in the form YYYY-MM-DD",
    ]);
    expect(IsoDateTimeSchema.parse("2016-04-01T09:30:00Z")).toBe("2016-04-01T09:30:00Z");
    expect(problems(IsoDateTimeSchema, "2016-04-01")).toEqual([
      "must be a date and time in the form YYYY-MM-DDTHH:MM:SSZ",
    ]);
  });
});

describe("staff and training", () => {
  const staff = {
    id: "s1",
    employeeNumber: "E100",
    name: "Sam Example",
    email: null,
    jobTitle: "Housing officer",
    departmentId: "d1",
    managerId: null,
    active: true,
    startDate: "2024-04-01",
    leavingDate: null,
  };

  test("a member of staff needs every field, with the field named when missing", () => {
    expect(StaffMemberSchema.parse(staff)).toEqual(staff);
    expect(problems(StaffMemberSchema, { ...staff, employeeNumber: " ", active: "yes" })).toEqual([
      "employeeNumber: must not be empty",
      "active: must be true or false",
    ]);
  });

  test("start and leaving dates are calendar dates or null, named when wrong", () => {
    expect(
      problems(StaffMemberSchema, { ...staff, startDate: "1/4/2024", leavingDate: "2024-02-30" }),
    ).toEqual([
      "startDate: must be a date in the form YYYY-MM-DD",
      "leavingDate: must be a date in the form YYYY-MM-DD",
    ]);
  });

  test("a course has a level from 1 to 4 and an optional refresher interval", () => {
    const course = {
      id: "c1",
      title: "DA awareness",
      level: 1,
      refresherIntervalMonths: 36,
      description: "",
    };
    expect(CourseSchema.parse(course)).toEqual(course);
    expect(
      CourseSchema.parse({ ...course, refresherIntervalMonths: null }).refresherIntervalMonths,
    ).toBeNull();
    expect(problems(CourseSchema, { ...course, level: 5, refresherIntervalMonths: 0 })).toEqual([
      "level: must be a whole number from 1 to 4",
      "refresherIntervalMonths: must be at least 1 month",
    ]);
  });

  test("a session ends after it starts and has at least one place", () => {
    const session = {
      id: "t1",
      courseId: "c1",
      startsAt: "2022-01-10T09:30:00Z",
      endsAt: "2022-01-10T12:30:00Z",
      capacity: 20,
      location: "Town Hall",
      trainer: "A Trainer",
    };
    expect(TrainingSessionSchema.parse(session)).toEqual(session);
    expect(
      problems(TrainingSessionSchema, { ...session, endsAt: session.startsAt, capacity: 0 }),
    ).toEqual(["capacity: must be at least 1 place", "endsAt: must be after the start"]);
    expect(problems(TrainingSessionSchema, { ...session, endsAt: session.startsAt })).toEqual([
      "endsAt: must be after the start",
    ]);
  });

  test("a nomination's state must be one the funnel knows", () => {
    const nomination = {
      id: "n1",
      staffId: "s1",
      sessionId: "t1",
      nominatedBy: "u1",
      reason: "Front-line role",
      mandatory: true,
      state: "no_show",
    };
    expect(NominationSchema.parse(nomination).state).toBe("no_show");
    expect(problems(NominationSchema, { ...nomination, state: "attended" })).toEqual([
      "state: must be one of nominated, approved, declined, waitlisted, booked, cancelled, fully_attended, partially_attended, unable_to_attend, no_show",
    ]);
  });
});

describe("DAHA and recommendations", () => {
  test("a framework needs at least one priority area", () => {
    expect(problems(FrameworkSchema, { id: "f", version: "1", name: "F", areas: [] })).toEqual([
      "areas: must have at least one priority area",
    ]);
  });

  test("review and expiry dates cannot come before the effective date", () => {
    const item = {
      id: "e1",
      areaId: "staff-development",
      title: "Training records",
      kind: "training_record",
      owner: "HR",
      effectiveDate: "2022-04-01",
      reviewDate: "2023-04-01",
      expiryDate: null,
      status: "approved",
    };
    expect(EvidenceItemSchema.parse(item)).toEqual(item);
    expect(
      problems(EvidenceItemSchema, { ...item, reviewDate: "2022-03-31", expiryDate: "2021-01-01" }),
    ).toEqual([
      "reviewDate: must not be before the effective date",
      "expiryDate: must not be before the effective date",
    ]);
    expect(problems(EvidenceItemSchema, { ...item, kind: "video", status: "done" })).toHaveLength(
      2,
    );
  });

  test("a recommendation carries dated progress updates", () => {
    const recommendation = {
      id: "r1",
      reference: "7",
      title: "Training strategy for domestic abuse to be developed and co-funded",
      source: "Strategic Review of Domestic Abuse",
      owner: "Strategic Lead for Domestic Abuse",
      status: "in_progress",
      updates: [
        { date: "2017-04-10", note: "Work has commenced on a multi-agency training strategy." },
      ],
    };
    expect(RecommendationSchema.parse(recommendation)).toEqual(recommendation);
    expect(
      problems(RecommendationSchema, {
        ...recommendation,
        status: "done",
        updates: [{ date: "x", note: "" }],
      }),
    ).toEqual([
      "status: must be one of not_started, in_progress, on_hold, completed, not_agreed",
      "updates.0.date: must be a date in the form YYYY-MM-DD",
      "updates.0.note: must not be empty",
    ]);
  });
});
