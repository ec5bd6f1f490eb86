import { useQuery } from "@tanstack/react-query";

import { Select } from "../../components/select";
import { useCurrentUser } from "../../lib/current-user";
import { trpc } from "../../trpc";
import { agencyOptions, useAgencies } from "../partnership/use-agencies";
import { useManagers } from "./use-managers";

/** What the selects choose: a department id, a manager's staff id and an agency id ("" for any). */
export interface TeamFilter {
  department: string;
  manager: string;
  agency: string;
}

/**
 * The department, team (by manager) and, in a partnership, agency selects of the staff list's and
 * the nominate page's filters. A manager sees only their own team, so is offered no team to
 * choose; an agency lead sees only their own agency, so is offered no agency.
 */
export function TeamFilterSelects<V extends TeamFilter>({
  value,
  onChange,
}: {
  value: V;
  onChange: (value: V) => void;
}) {
  const user = useCurrentUser();
  const departments = useQuery(trpc.staff.departments.list.queryOptions());
  const managers = useManagers();
  const partnership = useAgencies();
  return (
    <>
      <Select
        name="department"
        label="Department"
        value={value.department}
        onChange={(event) => onChange({ ...value, department: event.target.value })}
        options={[
          { value: "", text: "All departments" },
          ...(departments.data ?? []).map((department) => ({
            value: department.id,
            text: department.name,
          })),
        ]}
      />
      {user.role === "manager" ? null : (
        <Select
          name="manager"
          label="Team (by manager)"
          value={value.manager}
          onChange={(event) => onChange({ ...value, manager: event.target.value })}
          options={[
            { value: "", text: "Every team" },
            ...managers.map((manager) => ({ value: manager.id, text: manager.name })),
          ]}
        />
      )}
      {partnership.applies && user.role !== "agency_lead" ? (
        <Select
          name="agency"
          label="Agency"
          value={value.agency}
          onChange={(event) => onChange({ ...value, agency: event.target.value })}
          options={agencyOptions(partnership.agencies, "Every agency")}
        />
      ) : null}
    </>
  );
}
