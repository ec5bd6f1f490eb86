import { describe, expect, test } from "vitest";

import type { PackContents } from "./pack-contents";
import { renderEvidenceCsv } from "./render-evidence-csv";
import { renderIndexHtml } from "./render-index-html";

// The pack shows kinds, statuses, ratings and dates in the packages' words: the same text the web
// shows for the same values (apps/web/src/lib/presentation-pins.test.tsx).
const item = {
  id: "ev-1",
  frameworkId: "daha-2023",
  areaId: "area-1",
  title: "Champions across the housing teams",
  kind: "champions_list",
  owner: "Head of Housing Needs",
  effectiveDate: "2016-04-01",
  reviewDate: null,
  expiryDate: "2027-03-31",
  status: "in_review",
  recordedStatus: "in_review",
  createdAt: "2026-01-05T10:00:00.000Z",
  updatedAt: "2026-01-05T10:00:00.000Z",
  revisionCount: 0,
  latestRevision: null,
} as const;

const contents = {
  organisationName: "Example Borough Council",
  // 23:30 UTC on 30 June is already 1 July in London.
  generatedAt: new Date("2026-06-30T23:30:00Z"),
  framework: { name: "DAHA accreditation", areas: [{ id: "area-1", name: "Policies" }] },
  readiness: {
    asOf: "2026-03-29",
    frameworkId: "daha-2023",
    trainingUptake: { nominated: 400, attended: 201, attendanceRate: 201 / 400 },
    areas: [
      { areaId: "area-1", areaName: "Policies", rag: "red", reasons: ["No approved evidence"] },
    ],
  },
  include: "all",
  items: [item],
  notApproved: new Set(["ev-1"]),
  filePaths: new Map<string, string>(),
} as unknown as PackContents;

describe("the evidence pack's words", () => {
  test("index.html names kinds, statuses and ratings as the web does, dates as GOV.UK writes them", () => {
    const html = renderIndexHtml(contents);
    expect(html).toContain("<td>DA champions list</td>");
    expect(html).toContain("<td>In review (not approved)</td>");
    expect(html).toContain("This pack includes 1 evidence item that is not approved.");
    expect(html).toContain(">Red: not ready</strong>");
    expect(html).toContain("<td>1 April 2016</td><td>Not set</td><td>31 March 2027</td>");
    expect(html).toContain("<dt>Date generated</dt><dd>1 July 2026</dd>");
    expect(html).toContain("<dt>Readiness as of</dt><dd>29 March 2026</dd>");
  });

  test("evidence.csv uses the same words, and ISO dates for spreadsheets", () => {
    const csv = renderEvidenceCsv(contents);
    expect(csv).toContain(
      ",DA champions list,Head of Housing Needs,In review,Not approved,2016-04-01,,2027-03-31,",
    );
  });
});
