import { formatDate, formatTime, plural } from "@dapkit/schemas";

import { SummaryList } from "../../components/summary-list";
import type { Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["get"];

/** When and where a session is and who is on it: what a person checks before changing it. */
export function SessionSummary({ session }: { session: Session }) {
  return (
    <SummaryList
      rows={[
        { key: "Course", value: session.courseTitle },
        {
          key: "When",
          value: `${formatDate(session.startsAt)}, ${formatTime(session.startsAt)} to ${formatTime(session.endsAt)}`,
        },
        { key: "Location", value: session.location },
        { key: "Booked", value: plural(session.booked, "person", "people") },
        { key: "Waiting list", value: plural(session.waitlisted, "person", "people") },
      ]}
    />
  );
}
