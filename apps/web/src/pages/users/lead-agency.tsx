import { useQuery } from "@tanstack/react-query";

import { ROLE_LABELS, type UserRole } from "@dapkit/contract";

import { Select } from "../../components/select";
import { trpc } from "../../trpc";
import { agencyOptions } from "../partnership/use-agencies";

/** Every agency of the organisation by id, archived ones too, for naming a lead's agency. */
function useAgencyNames(): Map<string, string> {
  const agencies = useQuery(trpc.partnership.agencies.list.queryOptions({ includeArchived: true }));
  return new Map((agencies.data ?? []).map((agency) => [agency.id, agency.name]));
}

/** A user's role as the users pages show it: an agency lead's with their agency ("Agency lead, Northshire Police"). */
export function useRoleText(): (user: { role: UserRole; agencyId: string | null }) => string {
  const names = useAgencyNames();
  return (user) => {
    const agency = user.agencyId == null ? undefined : names.get(user.agencyId);
    return agency === undefined ? ROLE_LABELS[user.role] : `${ROLE_LABELS[user.role]}, ${agency}`;
  };
}

/**
 * The agency an agency lead acts for, asked only when the chosen role is agency lead (no other
 * role has one).
 */
export function LeadAgencySelect({
  role,
  ...field
}: {
  role: string | null;
  name: string;
  value: string;
  onChange: (event: React.ChangeEvent<HTMLSelectElement>) => void;
  error: string | undefined;
}) {
  const agencies = useQuery(trpc.partnership.agencies.list.queryOptions());
  if (role !== "agency_lead") return null;
  return (
    <Select
      label="Agency"
      hint="An agency lead nominates, and sees the figures of, this agency's people only"
      options={agencyOptions(agencies.data ?? [], "Select an agency")}
      {...field}
    />
  );
}

/** The agency to send with a role: the chosen one for an agency lead, none for other roles. */
export function leadAgencyId(role: string | null, agencyId: string): string | null {
  return role === "agency_lead" && agencyId !== "" ? agencyId : null;
}
