import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { ConfirmAction } from "../../components/confirm-action";
import { NotFoundContent } from "../../components/error-pages";
import { QueryState } from "../../components/query-state";
import { BackLink } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Token = Outputs["account"]["tokens"]["list"][number];

function ConfirmRevoke({ token }: { token: Token }) {
  usePageTitle(`Revoke ${token.name}`);
  const navigateWithFlash = useNavigateWithFlash();
  const revoke = useMutation(
    trpc.account.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.account.tokens.list.queryKey() });
        navigateWithFlash("/account", `The API token “${token.name}” has been revoked`);
      },
    }),
  );
  return (
    <ConfirmAction
      question={`Are you sure you want to revoke the API token “${token.name}”?`}
      action="Revoke token"
      busy={revoke.isPending}
      error={revoke.error}
      onConfirm={() => revoke.mutate({ id: token.id })}
      cancelTo="/account"
    >
      <p className="govuk-body">
        Anything using it will be refused from now on. This cannot be undone: create a new token if
        you need one again.
      </p>
    </ConfirmAction>
  );
}

/** The confirmation before revoking one of one's own API tokens. */
export function RevokeTokenPage() {
  const { tokenId = "" } = useParams();
  const tokens = useQuery({
    ...trpc.account.tokens.list.queryOptions(),
    select: (rows) => rows.find((token) => token.id === tokenId && token.status === "active"),
  });
  return (
    <>
      <BackLink to="/account">Back to my account</BackLink>
      <QueryState query={tokens} what="API token">
        {(token) => (token === undefined ? <NotFoundContent /> : <ConfirmRevoke token={token} />)}
      </QueryState>
    </>
  );
}
