import { useMutation } from "@tanstack/react-query";

import { ConfirmAction } from "../../components/confirm-action";
import { BackLink } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { partnershipChanged, type Agency } from "./use-agencies";
import { WithAgency } from "./with-agency";

function ConfirmArchive({ agency }: { agency: Agency }) {
  usePageTitle(`Archive ${agency.name}`);
  const flash = useNavigateWithFlash();
  const archive = useMutation(
    trpc.partnership.agencies.archive.mutationOptions({
      onSuccess: async () => {
        await partnershipChanged();
        flash("/partnership/agencies", `${agency.name} has been archived`);
      },
    }),
  );
  return (
    <ConfirmAction
      question={`Are you sure you want to archive ${agency.name}?`}
      action={`Archive ${agency.name}`}
      busy={archive.isPending}
      error={archive.error}
      onConfirm={() => archive.mutate({ id: agency.id })}
      cancelTo="/partnership/agencies"
    >
      <p className="govuk-body">
        Nobody new can be put in an archived agency. Its people, bookings and charges stay as they
        are, and it stays in past figures. An archived agency cannot be brought back.
      </p>
    </ConfirmAction>
  );
}

/** The confirmation before an agency is archived. */
export function ArchiveAgencyPage() {
  return (
    <>
      <BackLink to="/partnership/agencies">Back to agencies</BackLink>
      <WithAgency>{(agency) => <ConfirmArchive agency={agency} />}</WithAgency>
    </>
  );
}
