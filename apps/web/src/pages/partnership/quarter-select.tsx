import { REPORT_QUARTER_LABELS, REPORT_QUARTERS } from "@dapkit/contract";

import { Select } from "../../components/select";

/** The choice of a financial year's quarter, or the whole year (`""`), for a `?quarter=` filter. */
export function QuarterSelect({ defaultValue }: { defaultValue: string }) {
  return (
    <Select
      name="quarter"
      label="Quarter"
      defaultValue={defaultValue}
      options={[
        { value: "", text: "The whole year" },
        ...REPORT_QUARTERS.map((quarter) => ({
          value: String(quarter),
          text: REPORT_QUARTER_LABELS[quarter],
        })),
      ]}
    />
  );
}
