import { expect, test } from "vitest";

import { fairShares } from "./fair-shares";
import { FundingInputError } from "./errors";

// Oxfordshire 2017: a ~£335,000 contract shared by the county (social care), the Police and Crime
// Commissioner and two district councils (housing).
const partners = [
  { key: "occ", sector: "social_care" as const },
  { key: "pcc", sector: "criminal_justice" as const },
  { key: "city", sector: "housing" as const },
  { key: "west", sector: "housing" as const },
  { key: "charity" },
];

test("shares the cost by the sectors' Walby costs, a sector's part equally among its partners", () => {
  const shares = fairShares(partners, 33_500_000);
  expect(shares.map((share) => [share.partner, share.basisPoints, share.amountPence])).toEqual([
    ["occ", 1621, 5_430_350],
    ["pcc", 7256, 24_307_600],
    ["city", 562, 1_881_025],
    ["west", 561, 1_881_025],
  ]);
  expect(shares.reduce((sum, share) => sum + share.amountPence, 0)).toBe(33_500_000);
  expect(shares.reduce((sum, share) => sum + share.basisPoints, 0)).toBe(10_000);
  expect(shares[2]?.partnersInSector).toBe(2);
});

test("refuses a plan where no partner has a sector, and a cost that is not pence", () => {
  expect(() => fairShares([{ key: "a" }], 100)).toThrow(FundingInputError);
  expect(() => fairShares(partners, 1.5)).toThrow("costPence");
  expect(() => fairShares([null] as never, 100)).toThrow("partners[0] must have a key");
});

test("refuses a sector it does not know, naming the partner", () => {
  expect(() => fairShares([{ key: "a", sector: "police" as never }], 100)).toThrow(
    "partners[0].sector must be one of",
  );
  expect(() => fairShares([{ key: "a", sector: {} as never }], 100)).toThrow(FundingInputError);
});
