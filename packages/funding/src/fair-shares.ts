import type { Sector } from "@dapkit/schemas";

import { allocateByWeight } from "./allocate";
import { FundingInputError } from "./errors";
import { requireList, requirePence } from "./input-checks";
import { partnerShares, type SectorCost } from "./partner-shares";
import { SECTOR_LABELS } from "./sector-words";

/**
 * England's yearly costs of domestic abuse to each public service, from Walby's 2009 update (Trust
 * for London / Henry Smith Charity, c. 2011): the weights of a Walby-style fair share.
 *
 * @example
 * ENGLAND_SECTOR_COSTS.find((cost) => cost.sector === "health")?.costPence; // 160000000000
 */
export const ENGLAND_SECTOR_COSTS: readonly SectorCost[] = Object.freeze([
  { sector: "health", costPence: 160_000_000_000 },
  { sector: "criminal_justice", costPence: 120_000_000_000 },
  { sector: "social_care", costPence: 26_800_000_000 },
  { sector: "housing", costPence: 18_570_000_000 },
  { sector: "civil_legal", costPence: 36_670_000_000 },
]);

/**
 * One partner's Walby-style fair share of a plan's cost.
 *
 * @example
 * const share: FairShare = {
 *   partner: "pcc",
 *   sector: "criminal_justice",
 *   partnersInSector: 1,
 *   basisPoints: 7256,
 *   amountPence: 24307600,
 * };
 */
export interface FairShare {
  readonly partner: string;
  readonly sector: Sector;
  /** How many of the plan's partners share this sector's part equally. */
  readonly partnersInSector: number;
  /** The partner's share in hundredths of a per cent; all shares add up to 10,000. */
  readonly basisPoints: number;
  readonly amountPence: number;
}

/**
 * Each partner's fair share of a plan's cost by the costs of domestic abuse its sector bears (the
 * Walby basis, with {@link partnerShares}): the cost is split across the sectors the partners
 * cover in proportion to those sectors' costs, and a sector's part equally among the partners in
 * it (two district councils share housing's). Partners without a sector, and sectors no partner
 * covers, take no part. Amounts add up exactly to the cost.
 *
 * @example
 * fairShares([{ key: "pcc", sector: "criminal_justice" }, { key: "occ", sector: "social_care" }], 33500000);
 */
export function fairShares(
  partners: readonly { readonly key: string; readonly sector?: Sector | undefined }[],
  costPence: number,
  sectorCosts: readonly SectorCost[] = ENGLAND_SECTOR_COSTS,
): FairShare[] {
  const cost = requirePence(costPence, "costPence");
  const bySector = new Map<Sector, string[]>();
  requireList(partners, "partners").forEach((value, index) => {
    const partner = (typeof value === "object" && value != null ? value : {}) as {
      key?: unknown;
      sector?: Sector;
    };
    if (typeof partner.key !== "string") {
      throw new FundingInputError(
        "invalid_argument",
        `partners[${String(index)}] must have a key`,
        {
          field: `partners[${String(index)}]`,
        },
      );
    }
    if (partner.sector === undefined) return;
    if (typeof partner.sector !== "string" || !Object.hasOwn(SECTOR_LABELS, partner.sector)) {
      throw new FundingInputError(
        "invalid_argument",
        `partners[${String(index)}].sector must be one of ${Object.keys(SECTOR_LABELS).join(", ")}`,
        { field: `partners[${String(index)}].sector` },
      );
    }
    bySector.set(partner.sector, [...(bySector.get(partner.sector) ?? []), partner.key]);
  });
  const sectorToPartner = Object.fromEntries(
    [...bySector.keys()].map((sector) => [sector, sector]),
  );
  const shares = partnerShares({ sectorCosts, sectorToPartner, potPence: cost });
  const order = partners.map((partner) => partner.key);
  const found = shares.flatMap((share) => {
    const sector = share.partner as Sector;
    const keys = bySector.get(sector) ?? [];
    const equal = keys.map((key) => ({ key, weight: 1 }));
    const amounts = allocateByWeight(share.amountPence, equal);
    const points = allocateByWeight(share.basisPoints, equal);
    return keys.map((partner, index) => ({
      partner,
      sector,
      partnersInSector: keys.length,
      basisPoints: points[index]?.amountPence ?? 0,
      amountPence: amounts[index]?.amountPence ?? 0,
    }));
  });
  // In the plan's order of partners, as every other table of the plan.
  return found.sort((a, b) => order.indexOf(a.partner) - order.indexOf(b.partner));
}
