import { CHARGE_KIND_LABELS } from "@dapkit/contract";

import { defineExport, queryFilter, type Caller } from "./define-export";

/** One line of the invoice: a charge, or the total owed at the foot. */
interface InvoiceLine {
  chargedOn: string | null;
  agency: string;
  person: string;
  sessionStartsAt: string | null;
  course: string;
  kind: string;
  basis: string;
  amountPence: number;
  waived: string;
  waiveReason: string;
}

// A filter given in the address is passed on as the procedure takes it, so a bad one is refused
// naming it: a number that is not whole, or text, reaches the procedure as a number it refuses.
function numberOrNull(value: string | undefined): number | null {
  return value === undefined ? null : Number(value);
}

/**
 * An agency's charges for a financial year's quarter, ready to invoice: one line per charge and
 * a total owed (waived charges are listed, with the reason, but not added). Agency leads get
 * their own agency's only, as on the charges page.
 */
async function invoiceLines(caller: Caller, query: URLSearchParams): Promise<InvoiceLine[]> {
  const filter = queryFilter(query, ["agencyId", "financialYearStart", "quarter"]);
  const list = await caller.charges.list({
    agencyId: filter.agencyId ?? null,
    financialYearStart: numberOrNull(filter.financialYearStart),
    quarter: numberOrNull(filter.quarter),
  });
  return [
    ...list.charges.map((charge) => ({
      chargedOn: charge.chargedOn,
      agency: charge.agencyName,
      person: charge.staffName,
      sessionStartsAt: charge.sessionStartsAt,
      course: charge.courseTitle,
      kind: CHARGE_KIND_LABELS[charge.kind],
      basis: charge.basis,
      amountPence: charge.amountPence,
      waived: charge.waivedAt == null ? "No" : "Yes",
      waiveReason: charge.waiveReason,
    })),
    {
      chargedOn: null,
      agency: "Total owed",
      person: "",
      sessionStartsAt: null,
      course: "",
      kind: "",
      basis: "",
      amountPence: list.owedPence,
      waived: "",
      waiveReason: "",
    },
  ];
}

export const chargesExport = defineExport<InvoiceLine>({
  name: "charges",
  title: "Charges",
  rows: invoiceLines,
  columns: [
    { header: "Date charged", value: (line) => line.chargedOn, format: "date" },
    { header: "Agency", value: (line) => line.agency },
    { header: "Person", value: (line) => line.person },
    { header: "Session", value: (line) => line.sessionStartsAt, format: "dateTime" },
    { header: "Course", value: (line) => line.course },
    { header: "Charge", value: (line) => line.kind },
    { header: "Basis", value: (line) => line.basis },
    { header: "Amount (£)", value: (line) => line.amountPence, format: "money" },
    { header: "Waived", value: (line) => line.waived },
    { header: "Reason waived", value: (line) => line.waiveReason },
  ],
});
