import { SESSION_OPEN_TO_LABELS } from "@dapkit/contract";
import { formatMoney } from "@dapkit/funding";
import { formatDate, formatTime } from "@dapkit/schemas";

import type { Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["get"];

/**
 * Who may book a session of a partnership, as summary rows: none for a session open to every
 * member with nothing reserved and no non-members (as every session outside a partnership is).
 */
export function eligibilityRows(session: Session): { key: string; value: string }[] {
  const reserved = session.agencies.filter((row) => row.reservedPlaces > 0);
  const chosen = session.openTo === "chosen_agencies";
  if (!chosen && reserved.length === 0 && session.nonMemberPricePence == null) return [];
  const who = chosen
    ? `${SESSION_OPEN_TO_LABELS.chosen_agencies}: ${session.agencies.map((row) => row.name).join(", ")}`
    : SESSION_OPEN_TO_LABELS.all_members;
  const until =
    session.reservedUntil == null
      ? ""
      : ` until ${formatTime(session.reservedUntil)} on ${formatDate(session.reservedUntil)}`;
  return [
    { key: "Who may book", value: who },
    ...(reserved.length === 0
      ? []
      : [
          {
            key: "Places reserved",
            value: `${reserved.map((row) => `${row.name}: ${row.reservedPlaces}`).join(", ")}${until}`,
          },
        ]),
    {
      key: "Non-member places",
      value:
        session.nonMemberPricePence == null
          ? "Not open to non-members"
          : `${formatMoney(session.nonMemberPricePence)} a place`,
    },
  ];
}
