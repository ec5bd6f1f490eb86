import { FundingInputError, fairShares, SECTOR_LABELS } from "@dapkit/funding";

import type { Outputs } from "../../trpc";

type Plan = Outputs["funding"]["get"];

/** One partner as the partner view shows it. */
export interface PartnerRow {
  key: string;
  name: string;
  sectorWords: string | null;
  endDate: string | null;
  /** Cash per plan year, in the plan's order. */
  cashByYear: number[];
  cashPence: number;
  inKindPence: number;
  /** The partner's part of all partners' cash, as a fraction; null when no cash is given. */
  shareOfCash: number | null;
  /** The Walby-style fair share of the plan's cost by its sector, when the partner has one. */
  fairShare: { amountPence: number; fraction: number; partnersInSector: number } | null;
}

/** Each partner's contributions, share of the cash and fair share of the plan's cost. */
export function partnerRows(plan: Plan): PartnerRow[] {
  const { years, totals } = plan.result;
  let fair: ReturnType<typeof fairShares> = [];
  try {
    fair = fairShares(plan.plan.partners, totals.costPence);
  } catch (error) {
    // No partner has a sector (or nothing costs anything): there is no fair share to show.
    if (!(error instanceof FundingInputError)) throw error;
  }
  return plan.plan.partners.map((partner) => {
    const total = totals.contributionsByPartner.find((part) => part.partner === partner.key);
    const share = fair.find((each) => each.partner === partner.key);
    const cashPence = total?.amountPence ?? 0;
    return {
      key: partner.key,
      name: partner.name,
      sectorWords: partner.sector === undefined ? null : SECTOR_LABELS[partner.sector],
      endDate: partner.endDate ?? null,
      cashByYear: years.map(
        (year) =>
          year.contributionsByPartner.find((part) => part.partner === partner.key)?.amountPence ??
          0,
      ),
      cashPence,
      inKindPence: total?.inKindPence ?? 0,
      shareOfCash:
        totals.income.contributionsPence === 0
          ? null
          : cashPence / totals.income.contributionsPence,
      fairShare:
        share === undefined
          ? null
          : {
              amountPence: share.amountPence,
              fraction: share.basisPoints / 10_000,
              partnersInSector: share.partnersInSector,
            },
    };
  });
}
