import { useQuery } from "@tanstack/react-query";

import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/current-user";
import { queryClient, trpc, type Outputs } from "../../trpc";

/** A partnership agency as the API lists it. */
export type Agency = Outputs["partnership"]["agencies"]["list"][number];

/**
 * The organisation's current agencies, for a select (an agency lead's list is their own agency
 * alone); none for a user who may not read the partnership or when it is not one.
 */
export function useAgencies(): { agencies: Agency[]; applies: boolean } {
  const user = useCurrentUser();
  const applies = user.runsAsPartnership && can(user, "readPartnership");
  const query = useQuery({ ...trpc.partnership.agencies.list.queryOptions(), enabled: applies });
  return { agencies: query.data ?? [], applies };
}

/** The choices of an agency select: a prompt, then each agency by name. */
export function agencyOptions(agencies: readonly Agency[], prompt: string) {
  return [
    { value: "", text: prompt },
    ...agencies.map((agency) => ({ value: agency.id, text: agency.name })),
  ];
}

/** Refreshes what shows agencies (and the signed-in user, whose navigation depends on the switch). */
export async function partnershipChanged(): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.partnership.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() }),
  ]);
}
