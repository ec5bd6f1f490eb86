import type { ComponentProps } from "react";

import { DateInput } from "../../components/date-input";
import { TextInput } from "../../components/text-input";

/**
 * A session's date and its start and end times, as the session form and the move page ask for
 * them (read back with `sessionTimes`).
 */
export function SessionTimeFields({
  dateLegend,
  date,
  startsAt,
  endsAt,
}: {
  dateLegend: string;
  date: Omit<ComponentProps<typeof DateInput>, "legend">;
  startsAt: Omit<ComponentProps<typeof TextInput>, "label">;
  endsAt: Omit<ComponentProps<typeof TextInput>, "label">;
}) {
  return (
    <>
      <DateInput legend={dateLegend} {...date} />
      <TextInput
        label="Start time"
        hint="For example, 9:30am or 14:00"
        className="govuk-input--width-5"
        {...startsAt}
      />
      <TextInput label="End time" className="govuk-input--width-5" {...endsAt} />
    </>
  );
}
