import { useQuery } from "@tanstack/react-query";

import { trpc } from "../../trpc";

/**
 * The people who manage someone, for the manager filter. The API has no list of managers, so
 * they are read from the first page of current staff (at most 200 people).
 */
export function useManagers(): { id: string; name: string }[] {
  const staff = useQuery(trpc.staff.list.queryOptions({ page: 1, pageSize: 200, active: true }));
  const managers = new Map<string, string>();
  for (const person of staff.data?.items ?? []) {
    if (person.managerId != null && person.managerName != null)
      managers.set(person.managerId, person.managerName);
  }
  return [...managers]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
