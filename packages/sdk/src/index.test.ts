import { describe, expect, test } from "vitest";

import * as daha from "@dapkit/daha";
import * as funding from "@dapkit/funding";
import * as schemas from "@dapkit/schemas";
import * as training from "@dapkit/training";

import * as sdkClient from "./client";
import * as sdkDaha from "./daha";
import * as sdkFunding from "./funding";
import * as root from "./index";
import * as sdkSchemas from "./schemas";
import * as sdkTraining from "./training";

const subpaths = [
  { name: "schemas", source: schemas, subpath: sdkSchemas },
  { name: "funding", source: funding, subpath: sdkFunding },
  { name: "daha", source: daha, subpath: sdkDaha },
  { name: "training", source: training, subpath: sdkTraining },
] as const;

describe.each(subpaths)("@dapkit/sdk/$name", ({ source, subpath }) => {
  test("exports exactly what the package exports", () => {
    expect(Object.keys(subpath).sort()).toEqual(Object.keys(source).sort());
  });

  test("re-exports the package's own values, not copies", () => {
    for (const [name, value] of Object.entries(source)) {
      expect(subpath[name as keyof typeof subpath], name).toBe(value);
    }
  });
});

describe("@dapkit/sdk", () => {
  test("exports every subpath's exports and nothing else", () => {
    const union = [...subpaths.map(({ subpath }) => subpath), sdkClient].flatMap((module) =>
      Object.keys(module),
    );
    expect(Object.keys(root).sort()).toEqual([...new Set(union)].sort());
    expect(new Set(union).size).toBe(union.length);
  });

  test("gives the same functions and classes as the subpaths", () => {
    expect(root.allocateByPercent).toBe(funding.allocateByPercent);
    expect(root.FundingPlanSchema).toBe(schemas.FundingPlanSchema);
    expect(root.assessReadiness).toBe(daha.assessReadiness);
    expect(root.uptakeFunnel).toBe(training.uptakeFunnel);
    expect(root.createTrackerClient).toBe(sdkClient.createTrackerClient);
    expect(root.TrackerSessionError).toBe(sdkClient.TrackerSessionError);
  });

  test("computes Lancashire's Years 2 and 3 split as the README shows", () => {
    const split = root.allocateByPercent(root.parseMoney("£1,502,449"), [
      { key: "Workforce and Co-ordination", percent: 5 },
      { key: "Early Support", percent: 17 },
      { key: "Medium and High Risk Support", percent: 68 },
      { key: "Perpetrators", percent: 10 },
    ]);
    expect(split.map(({ key, amountPence }) => `${key} ${root.formatMoney(amountPence)}`)).toEqual([
      "Workforce and Co-ordination £75,122",
      "Early Support £255,416",
      "Medium and High Risk Support £1,021,665",
      "Perpetrators £150,245",
    ]);
  });
});
