import { describe, expect, test } from "vitest";

import { scopeAs } from "../../test/builders";
import { useTwoOrganisations } from "../../test/two-organisations";
import { addAgency } from "../partnership/programme-fixtures";
import { programmeCostPerAttendeeSection } from "./programme-cost-per-attendee";
import { BOARD_REPORT_SECTIONS } from "./sections";
import { trainingByLevelSection } from "./training-by-level";

const t = useTwoOrganisations();

const YEAR = {
  financialYear: "2022/23",
  financialYearStart: 2022,
  start: "2022-04-01",
  end: "2023-03-31",
  label: "2022/23",
};

describe("the programme's board report sections", () => {
  test("are listed with the board report's sections", () => {
    expect(BOARD_REPORT_SECTIONS).toContain(trainingByLevelSection);
    expect(BOARD_REPORT_SECTIONS).toContain(programmeCostPerAttendeeSection);
  });

  test("training by level: a row per agency and level, with totals over the rows", async () => {
    const hr = t.app.caller(t.org.users.hr);
    await hr.trainingFramework.save({
      name: "Kent and Medway DA Training Framework",
      levels: [{ level: 1, name: "Awareness", defaultRefresherMonths: 36 }],
    });
    await hr.trainingFramework.addRule({ scope: "all", requiredLevel: 1 });
    addAgency(t.app, t.org.id, { name: "Kent Police", kind: "police" });
    const table = trainingByLevelSection.build(scopeAs(t.app, t.org.users.hr), YEAR);
    expect(table.rows).toEqual([
      { agency: "Kent Police", level: "1: Awareness", required: 0, trainedInDate: 0, rate: null },
    ]);
    expect(table.totals).toEqual({
      agency: "Total",
      level: "All levels",
      required: 0,
      trainedInDate: 0,
      rate: null,
    });
  });

  test("programme cost per attendee: each agency's share, adding up to the programme cost", async () => {
    const hr = t.app.caller(t.org.users.hr);
    const scope = scopeAs(t.app, t.org.users.hr);
    await hr.programmeCosts.add({
      financialYearStart: 2022,
      category: "venues",
      description: "Conference centre",
      amountPence: 100_000,
    });
    // Before there are agencies, the whole programme is one row.
    expect(programmeCostPerAttendeeSection.build(scope, YEAR).rows).toEqual([
      {
        agency: "Whole programme (not yet shared)",
        attendees: 0,
        sharePence: 100_000,
        costPerAttendeePence: null,
      },
    ]);
    ["Alpha Council", "Beta Police", "Gamma Probation"].forEach((name) =>
      addAgency(t.app, t.org.id, { name }),
    );
    const table = programmeCostPerAttendeeSection.build(scope, YEAR);
    expect(table.rows.map((row) => row.sharePence)).toEqual([33_334, 33_333, 33_333]);
    expect(table.totals).toEqual({
      agency: "Total",
      attendees: 0,
      sharePence: 100_000,
      costPerAttendeePence: null,
    });
  });
});
