import { describeValue, type Sector } from "@dapkit/schemas";
import { FundingInputError } from "./errors";
import { toSafePence } from "./exact-arithmetic";
import { requireList, requirePence } from "./input-checks";
import { splitByLargestRemainder } from "./largest-remainder";
import { SECTOR_LABELS } from "./sector-words";

/**
 * The cost of domestic abuse that falls on one service sector, e.g. the local share of Walby's health cost.
 *
 * @example
 * const cost: SectorCost = { sector: "health", costPence: 160000000 };
 */
export interface SectorCost {
  readonly sector: Sector;
  readonly costPence: number;
}

/**
 * What {@link partnerShares} needs: sector costs, which partner carries each sector, and the pot to share.
 *
 * @example
 * const input: PartnerSharesInput = {
 *   sectorCosts: [{ sector: "health", costPence: 100 }],
 *   sectorToPartner: { health: "nhs" },
 *   potPence: 5000000,
 * };
 */
export interface PartnerSharesInput<P extends string = string> {
  readonly sectorCosts: readonly SectorCost[];
  /** Which partner carries each sector's costs; sectors left out are not shared (typically civil_legal and other). */
  readonly sectorToPartner: Partial<Record<Sector, P>>;
  /** The amount the partners fund between them. */
  readonly potPence: number;
}

/**
 * One partner's share of the pot: the costs it carries, its share in basis points and per cent, and its amount.
 *
 * @example
 * const share: PartnerShare = { partner: "nhs", costPence: 100, basisPoints: 10000, percent: 100, amountPence: 5000000 };
 */
export interface PartnerShare<P extends string = string> {
  readonly partner: P;
  /** The total cost of the sectors mapped to this partner. */
  readonly costPence: number;
  /** The share in hundredths of a per cent; all partners' add up to exactly 10,000. */
  readonly basisPoints: number;
  /** `basisPoints / 100`, e.g. 44.21; as decimals all partners' add up to exactly 100. */
  readonly percent: number;
  /** The partner's part of the pot; all partners' add up to exactly the pot. */
  readonly amountPence: number;
}

const ALL_BASIS_POINTS = 10_000;
// The sectors from the labels (typed to list every sector), not from SectorSchema: reading the
// schema at load time would bring zod into every bundle that imports this package.
const SECTORS: readonly string[] = Object.keys(SECTOR_LABELS);

/**
 * Shares a pot among partners in proportion to the costs of domestic abuse that fall on the sectors they carry.
 *
 * This is the benefit (Walby-style) basis: a partner pays in proportion to the cost it bears, which is the
 * saving it stands to make. Map health to the NHS commissioner, criminal_justice to the police or PCC,
 * social_care to the county or unitary council and housing to the housing authority; civil legal costs fall
 * mostly on legal aid and on victims themselves, so civil_legal and other are usually left unmapped and
 * their costs are then left out. Several sectors may map to one partner, and a sector listed twice has its
 * costs added. Shares are whole basis points found by the largest-remainder method, so they add up to
 * exactly 10,000 (100 %); the pot is then split by those basis points with the same method, so each amount
 * matches the percentage the partner signs up to and the amounts add up exactly to the pot. Partners are
 * listed in the order their first sector appears in `sectorCosts`.
 *
 * @example
 * partnerShares({
 *   sectorCosts: [
 *     { sector: "health", costPence: 160000000000 },
 *     { sector: "criminal_justice", costPence: 120000000000 },
 *     { sector: "civil_legal", costPence: 36670000000 },
 *   ],
 *   sectorToPartner: { health: "nhs", criminal_justice: "pcc" },
 *   potPence: 100000000,
 * });
 * // nhs 5714 bp (57.14 %, £571,400); pcc 4286 bp (42.86 %, £428,600)
 */
export function partnerShares<P extends string>(input: PartnerSharesInput<P>): PartnerShare<P>[] {
  if (typeof input !== "object" || (input as unknown) == null) {
    throw new FundingInputError(
      "invalid_argument",
      `partnerShares needs { sectorCosts, sectorToPartner, potPence }, got ${describeValue(input)}`,
    );
  }
  const potPence = requirePence(input.potPence, "potPence");
  const mapping = readMapping(input.sectorToPartner);
  const costs = new Map<P, bigint>();
  requireList(input.sectorCosts, "sectorCosts").forEach((row, index) => {
    const field = `sectorCosts[${String(index)}]`;
    const { sector, costPence } = (typeof row === "object" && row != null ? row : {}) as Partial<
      Record<keyof SectorCost, unknown>
    >;
    if (typeof sector !== "string" || !SECTORS.includes(sector)) {
      throw new FundingInputError(
        "invalid_argument",
        `${field}.sector must be one of ${SECTORS.join(", ")}, got ${describeValue(sector)}`,
        { field: `${field}.sector` },
      );
    }
    const cost = requirePence(costPence, `${field}.costPence (${sector})`, {
      code: "invalid_argument",
    });
    const partner = mapping.get(sector) as P | undefined;
    if (partner !== undefined) costs.set(partner, (costs.get(partner) ?? 0n) + BigInt(cost));
  });
  const carried = [...costs].map(([partner, cost]) => ({ partner, cost }));
  if (carried.every((entry) => entry.cost === 0n)) {
    throw new FundingInputError(
      "invalid_argument",
      "partnerShares: no cost falls on a mapped partner, so there is nothing to share the pot by (map at least one sector with a cost above zero to a partner)",
      { field: "sectorToPartner" },
    );
  }
  const shares = splitByLargestRemainder(ALL_BASIS_POINTS, carried, (entry) => entry.cost);
  // The pot follows the whole basis points, so each amount matches the percentage a partner signs up to.
  return splitByLargestRemainder(potPence, shares, (share) => BigInt(share.amount)).map(
    ({ item: share, amount }) => ({
      partner: share.item.partner,
      costPence: toSafePence(share.item.cost, `The costs carried by ${share.item.partner}`),
      basisPoints: share.amount,
      percent: share.amount / 100,
      amountPence: amount,
    }),
  );
}

function readMapping(value: unknown): Map<string, string> {
  if (typeof value !== "object" || value == null || Array.isArray(value)) {
    throw new FundingInputError(
      "invalid_argument",
      `sectorToPartner must map sectors to partner keys, e.g. { health: "nhs" }, got ${describeValue(value)}`,
      { field: "sectorToPartner" },
    );
  }
  const mapping = new Map<string, string>();
  for (const [sector, partner] of Object.entries(value)) {
    const field = `sectorToPartner.${sector}`;
    if (!SECTORS.includes(sector)) {
      throw new FundingInputError(
        "invalid_argument",
        `${field}: ${JSON.stringify(sector)} is not a sector; use one of ${SECTORS.join(", ")}`,
        { field },
      );
    }
    // An explicit undefined reads as "not mapped", as it would in a Partial<Record<…>>.
    if (partner === undefined) continue;
    if (typeof partner !== "string" || partner.trim() === "") {
      throw new FundingInputError(
        "invalid_argument",
        `${field} must be a partner key (non-empty text), got ${describeValue(partner)}`,
        { field },
      );
    }
    mapping.set(sector, partner);
  }
  return mapping;
}
