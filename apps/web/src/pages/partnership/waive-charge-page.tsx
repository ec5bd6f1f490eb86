import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router";

import { CHARGE_KIND_LABELS } from "@dapkit/contract";
import { formatMoney } from "@dapkit/funding";
import { formatDate } from "@dapkit/schemas";

import { ConfirmAction } from "../../components/confirm-action";
import { QueryState } from "../../components/query-state";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { queryClient, trpc } from "../../trpc";

/** Waives one charge after asking why: the reason is kept with the charge and audited. */
export function WaiveChargePage() {
  usePageTitle("Waive a charge");
  const { chargeId = "" } = useParams();
  const [params] = useSearchParams();
  const year = params.get("financialYearStart");
  const financialYearStart = year == null || year === "" ? null : Number(year);
  const list = useQuery(trpc.charges.list.queryOptions({ financialYearStart }));
  const [reason, setReason] = useState("");
  const back = `/partnership/charges?financialYearStart=${year ?? ""}`;
  const navigateWithFlash = useNavigateWithFlash();
  const waive = useMutation(
    trpc.charges.waive.mutationOptions({
      onSuccess: async (charge) => {
        await queryClient.invalidateQueries({ queryKey: trpc.charges.list.queryKey() });
        navigateWithFlash(back, `Charge for ${charge.staffName} waived`);
      },
    }),
  );
  return (
    <QueryState query={list} what="the charge">
      {(loaded) => {
        const charge = loaded.charges.find((row) => row.id === chargeId);
        if (charge === undefined) {
          return <p className="govuk-body">This charge is not in that financial year.</p>;
        }
        return (
          <ConfirmAction
            question={`Waive the charge for ${charge.staffName}?`}
            action="Waive the charge"
            busy={waive.isPending}
            error={waive.error}
            cancelTo={back}
            onConfirm={() => waive.mutate({ id: charge.id, reason })}
          >
            <p className="govuk-body">
              {CHARGE_KIND_LABELS[charge.kind]} for {charge.agencyName}, {charge.courseTitle} on{" "}
              {formatDate(charge.sessionStartsAt)}:{" "}
              {formatMoney(charge.amountPence, { style: "exact" })}. The charge stays in the ledger,
              marked as waived, and is no longer owed.
            </p>
            <Textarea
              name="reason"
              label="Why is it waived?"
              hint="For example, the session moved or the person was ill. Kept with the charge and in the audit log."
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </ConfirmAction>
        );
      }}
    </QueryState>
  );
}
