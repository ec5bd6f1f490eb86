import type { Sector } from "@dapkit/schemas";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FundingInputError } from "./errors";
import { parseMoney } from "./money";
import { partnerShares, type PartnerSharesInput, type SectorCost } from "./partner-shares";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

// Trust for London / Henry Smith Charity (c. 2011), England costs of domestic violence from Walby 2009.
const englandCosts: SectorCost[] = [
  { sector: "health", costPence: parseMoney("£1.6bn") },
  { sector: "criminal_justice", costPence: parseMoney("£1.2bn") },
  { sector: "social_care", costPence: parseMoney("£268m") },
  { sector: "housing", costPence: parseMoney("£185.7m") },
  { sector: "civil_legal", costPence: parseMoney("£366.7m") },
];
const twoTierMapping = {
  health: "nhs",
  criminal_justice: "pcc",
  social_care: "county",
  housing: "district",
} as const;

describe("partnerShares", () => {
  test("shares a £1m pot by the Walby sector costs each partner carries, leaving civil legal out", () => {
    const shares = partnerShares({
      sectorCosts: englandCosts,
      sectorToPartner: twoTierMapping,
      potPence: parseMoney("£1,000,000"),
    });
    expect(shares).toEqual([
      {
        partner: "nhs",
        costPence: 160_000_000_000,
        basisPoints: 4917,
        percent: 49.17,
        amountPence: 49_170_000,
      },
      {
        partner: "pcc",
        costPence: 120_000_000_000,
        basisPoints: 3688,
        percent: 36.88,
        amountPence: 36_880_000,
      },
      {
        partner: "county",
        costPence: 26_800_000_000,
        basisPoints: 824,
        percent: 8.24,
        amountPence: 8_240_000,
      },
      {
        partner: "district",
        costPence: 18_570_000_000,
        basisPoints: 571,
        percent: 5.71,
        amountPence: 5_710_000,
      },
    ]);
  });

  test("lets several sectors map to one partner and adds a sector listed twice", () => {
    const shares = partnerShares({
      sectorCosts: [
        { sector: "criminal_justice", costPence: 300 },
        { sector: "social_care", costPence: 200 },
        { sector: "housing", costPence: 100 },
        { sector: "social_care", costPence: 100 },
        { sector: "other", costPence: 5_000 },
      ],
      // A unitary council carries both social care and housing.
      sectorToPartner: { criminal_justice: "pcc", social_care: "unitary", housing: "unitary" },
      potPence: 1_000,
    });
    expect(shares).toEqual([
      { partner: "pcc", costPence: 300, basisPoints: 4286, percent: 42.86, amountPence: 429 },
      { partner: "unitary", costPence: 400, basisPoints: 5714, percent: 57.14, amountPence: 571 },
    ]);
  });

  test("gives a partner whose sectors cost nothing a zero share, and an empty pot zero amounts", () => {
    expect(
      partnerShares({
        sectorCosts: [
          { sector: "health", costPence: 0 },
          { sector: "housing", costPence: 10 },
        ],
        sectorToPartner: { health: "nhs", housing: "district", civil_legal: undefined },
        potPence: 0,
      }),
    ).toEqual([
      { partner: "nhs", costPence: 0, basisPoints: 0, percent: 0, amountPence: 0 },
      { partner: "district", costPence: 10, basisPoints: 10_000, percent: 100, amountPence: 0 },
    ]);
  });

  test("refuses a split with no mapped cost to share by", () => {
    for (const sectorCosts of [
      [{ sector: "civil_legal", costPence: 100 }],
      [{ sector: "health", costPence: 0 }],
      [],
    ] satisfies SectorCost[][]) {
      const error = failure(() =>
        partnerShares({ sectorCosts, sectorToPartner: { health: "nhs" }, potPence: 100 }),
      );
      expect(error.code).toBe("invalid_argument");
      expect(error.field).toBe("sectorToPartner");
      expect(error.message).toContain("no cost falls on a mapped partner");
    }
  });

  test.each([
    [
      { sectorCosts: [{ sector: "education", costPence: 1 }], sectorToPartner: {}, potPence: 1 },
      'sectorCosts[0].sector must be one of health, criminal_justice, social_care, housing, civil_legal, other, got "education"',
    ],
    [
      { sectorCosts: [null], sectorToPartner: {}, potPence: 1 },
      "sectorCosts[0].sector must be one of health, criminal_justice, social_care, housing, civil_legal, other, got nothing",
    ],
    [
      { sectorCosts: [{ sector: "health", costPence: -5 }], sectorToPartner: {}, potPence: 1 },
      "sectorCosts[0].costPence (health) must not be negative, got -5",
    ],
    [
      { sectorCosts: [{ sector: "health", costPence: 0.5 }], sectorToPartner: {}, potPence: 1 },
      "sectorCosts[0].costPence (health) must be a whole number of pence within the safe integer range, got 0.5",
    ],
    [
      { sectorCosts: [], sectorToPartner: { education: "school" }, potPence: 1 },
      'sectorToPartner.education: "education" is not a sector; use one of health, criminal_justice, social_care, housing, civil_legal, other',
    ],
    [
      { sectorCosts: [], sectorToPartner: { health: "" }, potPence: 1 },
      'sectorToPartner.health must be a partner key (non-empty text), got ""',
    ],
    [
      { sectorCosts: [], sectorToPartner: ["nhs"], potPence: 1 },
      'sectorToPartner must map sectors to partner keys, e.g. { health: "nhs" }, got a list',
    ],
    [
      { sectorCosts: "health", sectorToPartner: {}, potPence: 1 },
      'sectorCosts must be a list, got "health"',
    ],
    [
      { sectorCosts: [], sectorToPartner: {}, potPence: -1 },
      "potPence must not be negative, got -1",
    ],
  ])("refuses bad input %j", (input, message) => {
    const error = failure(() => partnerShares(input as unknown as PartnerSharesInput));
    expect(error.message).toBe(message);
  });

  test("refuses something that is not an input object", () => {
    expect(failure(() => partnerShares(null as unknown as PartnerSharesInput)).message).toBe(
      "partnerShares needs { sectorCosts, sectorToPartner, potPence }, got null",
    );
  });

  test("property: basis points add up to 10,000 and amounts to the pot, in proportion to costs", () => {
    const sectors: Sector[] = [
      "health",
      "criminal_justice",
      "social_care",
      "housing",
      "civil_legal",
      "other",
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sector: fc.constantFrom(...sectors),
            costPence: fc.integer({ min: 0, max: 1e13 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.dictionary(
          fc.constantFrom(...sectors),
          fc.constantFrom("nhs", "pcc", "county", "district"),
        ),
        fc.maxSafeInteger().map(Math.abs),
        (sectorCosts, sectorToPartner, potPence) => {
          const mappedCost = sectorCosts
            .filter((row) => sectorToPartner[row.sector] !== undefined)
            .reduce((sum, row) => sum + row.costPence, 0);
          fc.pre(mappedCost > 0);
          const shares = partnerShares({ sectorCosts, sectorToPartner, potPence });
          expect(shares.reduce((sum, share) => sum + share.basisPoints, 0)).toBe(10_000);
          expect(Math.round(shares.reduce((sum, share) => sum + share.percent, 0) * 100)).toBe(
            10_000,
          );
          expect(shares.reduce((sum, share) => sum + BigInt(share.amountPence), 0n)).toBe(
            BigInt(potPence),
          );
          expect(new Set(shares.map((share) => share.partner)).size).toBe(shares.length);
          for (const share of shares) {
            expect(
              Math.abs(share.basisPoints - (share.costPence / mappedCost) * 10_000),
            ).toBeLessThan(1);
            expect(share.percent).toBe(share.basisPoints / 100);
          }
        },
      ),
    );
  });
});
