import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { contract } from "@dapkit/contract";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { BackLink } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { trpc, type Outputs } from "../../trpc";
import { usersChanged, WithUser, type UserAccount } from "./use-user";

const LABELS = { staffId: "Staff record" };

// The largest page the API serves; a council's current staff list fits in it.
const STAFF_PAGE = { page: 1, pageSize: 200, active: true } as const;

type StaffMember = Outputs["staff"]["list"]["items"][number];

/** The choices: "not linked", then current staff by name, with job title and department. */
export function staffChoices(staff: readonly StaffMember[], linkedId: string | null) {
  const people = [...staff].sort((a, b) => a.name.localeCompare(b.name));
  return [
    { value: "", text: "Not linked to a staff record" },
    ...people.map((person) => ({
      value: person.id,
      text: `${person.name}, ${person.jobTitle}, ${person.departmentName}`,
    })),
    // A record that has left keeps its link until it is changed.
    ...(linkedId == null || people.some((person) => person.id === linkedId)
      ? []
      : [{ value: linkedId, text: "Their current record (no longer in current staff)" }]),
  ];
}

function StaffRecordForm({ user, staff }: { user: UserAccount; staff: readonly StaffMember[] }) {
  const form = useForm({ staffId: user.staffId ?? "" }, LABELS);
  usePageTitle(`Link ${user.name} to a staff record`, { error: form.invalid });
  const navigateWithFlash = useNavigateWithFlash();
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await usersChanged();
        navigateWithFlash(`/users/${user.id}`, `${user.name}'s staff record has been saved`);
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const { staffId } = form.values;
    const input = { id: user.id, data: { staffId: staffId === "" ? null : staffId } };
    if (form.validate(contract.users.update.input, input)) update.mutate(input);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{user.name}</span>
          Link to a staff record
        </h1>
        <p className="govuk-body">
          Their staff record is the training they see and ask for in My training. A manager&apos;s
          also decides whose training they can see and nominate, and whose requests they decide: the
          people it lists as managed by them. A new account is linked to the current staff record
          with the same email address, if there is exactly one.
        </p>
        <form onSubmit={submit} noValidate>
          <Select
            label="Staff record"
            options={staffChoices(staff, user.staffId)}
            {...form.text("staffId")}
          />
          <Button busy={update.isPending}>Save staff record</Button>
        </form>
      </div>
    </div>
  );
}

/** Link a user to their staff record (a manager to the people they manage). */
export function StaffRecordPage() {
  const staff = useQuery(trpc.staff.list.queryOptions(STAFF_PAGE));
  return (
    <WithUser>
      {(user) => (
        <>
          <BackLink to={`/users/${user.id}`}>{`Back to ${user.name}`}</BackLink>
          <QueryState query={staff} what="staff list">
            {({ items }) => <StaffRecordForm user={user} staff={items} />}
          </QueryState>
        </>
      )}
    </WithUser>
  );
}
