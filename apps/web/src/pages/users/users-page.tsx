import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDateTime } from "@dapkit/schemas";

import { ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { useRoleText } from "./lead-agency";
import type { UserAccount } from "./use-user";
import { UserStatusTag } from "./user-status-tag";

/** Everyone who can sign in to the organisation's dapkit: administrators only. */
export function UsersPage() {
  usePageTitle("Users");
  const roleText = useRoleText();
  const users = useQuery(trpc.users.list.queryOptions());
  return (
    <>
      <FlashBanner />
      <h1 className="govuk-heading-l">Users</h1>
      <p className="govuk-body">
        Everyone who can sign in to dapkit. Invite someone to give them an account; their role
        decides what they can see and do.
      </p>
      <ButtonLink to="/users/invite">Invite a user</ButtonLink>
      <QueryState query={users} what="users">
        {(rows) => (
          <DataTable<UserAccount>
            caption="Users"
            captionSize="visually-hidden"
            rows={[...rows].sort((a, b) => a.name.localeCompare(b.name))}
            rowKey={(user) => user.id}
            exportName="users"
            empty="There are no users yet."
            columns={[
              {
                header: "Name",
                rowHeader: true,
                cell: (user) => (
                  <Link className="govuk-link" to={`/users/${user.id}`}>
                    {user.name}
                  </Link>
                ),
              },
              { header: "Email address", cell: (user) => user.email },
              { header: "Role", cell: (user) => roleText(user) },
              { header: "Status", cell: (user) => <UserStatusTag status={user.status} /> },
              {
                header: "Last signed in",
                cell: (user) =>
                  user.lastSignInAt == null ? "Never" : formatDateTime(user.lastSignInAt),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
