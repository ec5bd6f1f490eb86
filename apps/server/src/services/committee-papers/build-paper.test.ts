import { describe, expect, test } from "vitest";

import { buildPaper } from "./build-paper";
import type { PaperData } from "./paper-data";
import { matrixPaper } from "./paper-fixtures";

// One programme's quarter as a board read it: 304 trained on 318 registrations.
const AGENCY = {
  bookings: 318,
  attended: 300,
  cancelled: 29,
  lateCancellations: 12,
  noShows: 20,
  substitutes: 14,
  unscheduled: 35,
  attendanceRate: 300 / 318,
  chargesPence: 123_450,
};

const DATA: PaperData = {
  asOf: "2022-04-05",
  areas: [
    { areaName: "Policies & Procedures", rag: "green", approved: 1 },
    { areaName: "Staff Development", rag: "amber", approved: 2 },
    { areaName: "Partnerships", rag: "red", approved: 0 },
  ],
  overdueActions: 2,
  uptake: { nominated: 90, attended: 56, attendanceRate: 56 / 90 },
  partnership: {
    financialYear: "2022/23",
    rows: [
      { ...AGENCY, agencyId: "a1", agency: "Northshire Police" },
      {
        ...AGENCY,
        agencyId: "a2",
        agency: "Haven Women's Aid",
        bookings: 0,
        attended: 1,
        unscheduled: 1,
        attendanceRate: null,
        chargesPence: 0,
      },
    ],
    totals: {
      ...AGENCY,
      agencyId: null,
      agency: "Total",
      attended: 301,
      unscheduled: 36,
      attendanceRate: 301 / 318,
    },
  },
  recommendations: [
    {
      reference: "1",
      title: "Pathway",
      owner: "Lead",
      status: "in_progress",
      rag: null,
      targetDate: null,
      latestUpdate: null,
    },
  ],
  funding: {
    name: "Partnership",
    years: [
      {
        financialYear: "2022/23",
        costPence: 20000000,
        carriedForwardPence: 0,
        incomePence: 19000000,
        gapPence: 1000000,
      },
    ],
  },
};

describe("buildPaper", () => {
  test("writes partnership training by agency from the board report's figures", () => {
    const paper = buildPaper(matrixPaper("Board", null), DATA);
    const section = paper.sections.find((each) => each.key === "partnershipTraining");
    expect(section?.heading).toBe("Partnership training by agency");
    expect(section?.paragraphs[0]).toMatchObject({
      text: "For sessions in 2022/23 so far, partner agencies booked 318 places and 301 people attended (94.7% of bookings), with 29 cancellations (12 late), 20 no-shows, 14 substitutes and 36 unscheduled attendees. Charges of £1,234.50 were raised for late cancellations, non-attendance and non-member places. By agency:",
      items: [
        "Northshire Police: 318 bookings, 300 attended (94.3% of bookings), 20 no-shows, charges £1,234.50",
        "Haven Women's Aid: 0 bookings, 1 attended, 20 no-shows, charges £0.00",
      ],
    });
  });

  test("says so when no partnership places were booked, and when nothing was charged", () => {
    const none = { ...AGENCY, bookings: 0, attended: 0, chargesPence: 0 };
    const empty = buildPaper(matrixPaper("Board", null), {
      ...DATA,
      partnership: {
        financialYear: "2022/23",
        rows: [],
        totals: { ...none, agencyId: null, agency: "Total" },
      },
    });
    expect(
      empty.sections.find((each) => each.key === "partnershipTraining")?.paragraphs[0]?.text,
    ).toBe("No partnership training places were booked for 2022/23.");
    const free = buildPaper(matrixPaper("Board", null), {
      ...DATA,
      partnership: { ...DATA.partnership, totals: { ...DATA.partnership.totals, chargesPence: 0 } },
    });
    expect(
      free.sections.find((each) => each.key === "partnershipTraining")?.paragraphs[0]?.text,
    ).toContain("No charges were raised. By agency:");
  });

  test("writes Oxford's training sentence from the figures", () => {
    const paper = buildPaper(matrixPaper("Scrutiny Committee", null), DATA);
    const training = paper.sections.find((section) => section.key === "training");
    expect(training?.paragraphs[0]).toEqual({
      number: 4,
      source: "figures",
      text: "Domestic abuse training sessions were attended by 56 members of staff, although 90 were nominated by their managers: an attendance rate of 62.2%.",
      items: [],
    });
  });

  test("numbers paragraphs through the paper in the standard order, whatever the draft's order", () => {
    const draft = {
      ...matrixPaper("Board", null),
      sections: [
        { key: "conclusion" as const, narrative: ["Last."] },
        { key: "accreditation" as const, narrative: ["After the figures."] },
      ],
    };
    const paper = buildPaper(draft, DATA);
    expect(
      paper.sections.map((section) => [
        section.heading,
        section.paragraphs.map((p) => `${String(p.number)} ${p.source}`),
      ]),
    ).toEqual([
      ["DAHA accreditation progress", ["1 figures", "2 figures", "3 narrative"]],
      ["Conclusion", ["4 narrative"]],
    ]);
    expect(paper.sections[0]?.paragraphs[0]).toMatchObject({
      text: "Accreditation asks for a whole council approach to domestic abuse in 3 priority areas. On 5 April 2022 the areas were rated 1 green, 1 amber and 1 red:",
      items: [
        "Policies & Procedures: Green: ready (1 approved evidence item)",
        "Staff Development: Amber: action needed (2 approved evidence items)",
        "Partnerships: Red: not ready (0 approved evidence items)",
      ],
    });
    expect(paper.sections[0]?.paragraphs[1]?.text).toBe(
      "2 actions in the accreditation action plan are overdue.",
    );
  });

  test("the front matter, the funding shortfall and an appendix row with no update", () => {
    const paper = buildPaper({ ...matrixPaper("Board", "plan"), keyDecision: true }, DATA);
    expect(paper.frontMatter).toContainEqual({ label: "Date", value: "5 April 2022" });
    expect(paper.frontMatter).toContainEqual({ label: "Key decision", value: "Yes" });
    const financial = paper.sections.find((section) => section.key === "financial");
    expect(financial?.paragraphs[0]?.items).toEqual([
      "2022/23: costs of £200,000 against funding of £190,000, a shortfall of £10,000",
    ]);
    expect(paper.appendix?.rows).toEqual([["1", "Pathway", "Lead", "", "In progress", "", ""]]);
  });

  test("says so when nobody has been nominated or nothing is tracked", () => {
    const empty = {
      ...DATA,
      uptake: { nominated: 0, attended: 0, attendanceRate: 0 },
      recommendations: [],
      funding: null,
    };
    const paper = buildPaper(matrixPaper("Board", null), empty);
    const texts = paper.sections.flatMap((section) => section.paragraphs.map((p) => p.text));
    expect(texts).toContain(
      "No members of staff have yet been nominated for domestic abuse training.",
    );
    expect(texts).toContain("No recommendations are being tracked.");
  });
});
