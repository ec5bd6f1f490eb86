import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";

import { DateInput } from "../../components/date-input";
import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Select } from "../../components/select";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { isEmptyDate, isoFromParts, partsFromIso, type DateParts } from "../../lib/date-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { agencyOptions, useAgencies } from "../partnership/use-agencies";

type StaffRecord = Outputs["staff"]["get"];
type StaffMember = Outputs["staff"]["list"]["items"][number];

// In the order of the fields on the page, which is the order of the error summary.
const LABELS = {
  name: "Full name",
  employeeNumber: "Employee number",
  email: "Email address",
  jobTitle: "Job title",
  departmentId: "Department",
  managerId: "Line manager",
  agencyId: "Agency",
  startDate: "Start date",
  leavingDate: "Leaving date",
};

// The largest page the API serves; a council's current staff list fits in it.
const CURRENT_STAFF = { page: 1, pageSize: 200, active: true } as const;

/** "No line manager", then current staff by name (not the person themselves). */
export function managerChoices(staff: readonly StaffMember[], person: StaffRecord | undefined) {
  const others = staff
    .filter((candidate) => candidate.id !== person?.id)
    .sort((a, b) => a.name.localeCompare(b.name));
  const current = person?.managerId;
  return [
    { value: "", text: "No line manager" },
    ...others.map((candidate) => ({
      value: candidate.id,
      text: `${candidate.name}, ${candidate.jobTitle}`,
    })),
    // A manager who has left stays chosen until it is changed, rather than vanishing.
    ...(current == null || others.some((candidate) => candidate.id === current)
      ? []
      : [{ value: current, text: person?.managerName ?? "Their current manager" }]),
  ];
}

// An optional date: null when left empty, otherwise the date or what is wrong with it.
function optionalDate(field: "startDate" | "leavingDate", parts: DateParts) {
  if (isEmptyDate(parts)) return { value: null, error: null };
  const date = isoFromParts(parts, LABELS[field]);
  return "iso" in date
    ? { value: date.iso, error: null }
    : { value: null, error: { field, message: date.error } };
}

function StaffForm({
  person,
  staff,
}: {
  person: StaffRecord | undefined;
  staff: readonly StaffMember[];
}) {
  const flash = useNavigateWithFlash();
  const departments = useQuery(trpc.staff.departments.list.queryOptions());
  const partnership = useAgencies();
  const form = useForm(
    {
      name: person?.name ?? "",
      employeeNumber: person?.employeeNumber ?? "",
      email: person?.email ?? "",
      jobTitle: person?.jobTitle ?? "",
      departmentId: person?.departmentId ?? "",
      managerId: person?.managerId ?? "",
      agencyId: person?.agencyId ?? "",
      startDate: partsFromIso(person?.startDate),
      leavingDate: partsFromIso(person?.leavingDate),
    },
    LABELS,
  );
  const heading = person === undefined ? "Add a member of staff" : `Change ${person.name}'s record`;
  usePageTitle(person === undefined ? "Add a member of staff" : "Change a staff record", {
    error: form.invalid,
  });

  const done = async (saved: { id: string; name: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() });
    flash(`/staff/${saved.id}`, `${saved.name} ${person === undefined ? "added" : "saved"}`);
  };
  const create = useMutation(
    trpc.staff.create.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.staff.update.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit() {
    const { values } = form;
    const startDate = optionalDate("startDate", values.startDate);
    const leavingDate = optionalDate("leavingDate", values.leavingDate);
    // What was typed that cannot become the input at all; the contract's schema checks the rest.
    const problems = [
      values.departmentId === ""
        ? { field: "departmentId", message: "Select the department they work in" }
        : null,
      partnership.applies && values.agencyId === ""
        ? { field: "agencyId", message: "Select the agency they work for" }
        : null,
      startDate.error,
      leavingDate.error,
    ];
    const data = {
      name: values.name,
      employeeNumber: values.employeeNumber,
      email: values.email.trim() === "" ? null : values.email,
      jobTitle: values.jobTitle,
      departmentId: values.departmentId,
      managerId: values.managerId === "" ? null : values.managerId,
      agencyId: values.agencyId === "" ? null : values.agencyId,
      startDate: startDate.value,
      leavingDate: leavingDate.value,
    };
    if (person === undefined) {
      if (form.validate(contract.staff.create.input, data, problems)) create.mutate(data);
    } else {
      const input = { id: person.id, data };
      if (form.validate(contract.staff.update.input, input, problems)) update.mutate(input);
    }
  }

  return (
    <QuestionForm
      heading={heading}
      caption="Staff"
      errors={form.errors}
      onSubmit={submit}
      submitText={person === undefined ? "Add member of staff" : "Save changes"}
      busy={create.isPending || update.isPending}
    >
      <TextInput label={LABELS.name} autoComplete="off" {...form.text("name")} />
      <TextInput
        label={LABELS.employeeNumber}
        hint="As your HR system records it"
        className="govuk-input--width-10"
        {...form.text("employeeNumber")}
      />
      <TextInput
        label="Email address (optional)"
        type="email"
        spellCheck={false}
        autoComplete="off"
        {...form.text("email")}
      />
      <TextInput label={LABELS.jobTitle} {...form.text("jobTitle")} />
      <Select
        label={LABELS.departmentId}
        options={[
          { value: "", text: "Select a department" },
          ...(departments.data ?? []).map((department) => ({
            value: department.id,
            text: department.name,
          })),
        ]}
        {...form.text("departmentId")}
      />
      <Select
        label={LABELS.managerId}
        hint="Their manager sees their training and decides their requests for training"
        options={managerChoices(staff, person)}
        {...form.text("managerId")}
      />
      {partnership.applies ? (
        <Select
          label={LABELS.agencyId}
          hint="The partnership agency they work for: its agency lead nominates them"
          options={[
            ...agencyOptions(partnership.agencies, "Select an agency"),
            // An agency since archived stays chosen until it is changed, rather than vanishing.
            ...(person?.agencyId == null ||
            partnership.agencies.some((agency) => agency.id === person.agencyId)
              ? []
              : [{ value: person.agencyId, text: person.agencyName ?? "Their current agency" }]),
          ]}
          {...form.text("agencyId")}
        />
      ) : null}
      <DateInput legend="Start date (optional)" {...form.date("startDate")} />
      <DateInput
        legend="Leaving date (optional)"
        hint="Their last working day. From a leaving date of today or earlier, their bookings and nominations for sessions still to come are cancelled, with the reason “left the organisation”."
        {...form.date("leavingDate")}
      />
    </QuestionForm>
  );
}

function EditStaff({ id, staff }: { id: string; staff: readonly StaffMember[] }) {
  const person = useQuery(trpc.staff.get.queryOptions({ id }));
  return (
    <QueryState query={person} what="staff record">
      {(found) => <StaffForm person={found} staff={staff} />}
    </QueryState>
  );
}

/** Add a member of staff, or change one's record (`/staff/new`, `/staff/:staffId/edit`). */
export function StaffFormPage() {
  const { staffId } = useParams();
  const staff = useQuery(trpc.staff.list.queryOptions(CURRENT_STAFF));
  return (
    <>
      <BackLink to={staffId === undefined ? "/staff" : `/staff/${staffId}`}>Back</BackLink>
      <QueryState query={staff} what="staff list">
        {({ items }) =>
          staffId === undefined ? (
            <StaffForm person={undefined} staff={items} />
          ) : (
            <EditStaff id={staffId} staff={items} />
          )
        }
      </QueryState>
    </>
  );
}
