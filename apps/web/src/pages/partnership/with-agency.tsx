import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams } from "react-router";

import { NotFoundContent } from "../../components/error-pages";
import { QueryState } from "../../components/query-state";
import { trpc } from "../../trpc";
import type { Agency } from "./use-agencies";

/** The current agency the page's `:agencyId` names, or "not found" (an archived one too). */
export function WithAgency({ children }: { children: (agency: Agency) => ReactNode }) {
  const { agencyId } = useParams();
  const agencies = useQuery(trpc.partnership.agencies.list.queryOptions());
  return (
    <QueryState query={agencies} what="agency">
      {(list) => {
        const found = list.find((item) => item.id === agencyId);
        return found === undefined ? <NotFoundContent /> : children(found);
      }}
    </QueryState>
  );
}
