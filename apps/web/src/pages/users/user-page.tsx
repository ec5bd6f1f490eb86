import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";

import { formatDateTime } from "@dapkit/schemas";

import { Button, ButtonGroup, ButtonLink } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { formErrorsFrom } from "../../lib/api-errors";
import { useCurrentUser } from "../../lib/current-user";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { useRoleText } from "./lead-agency";
import { usersChanged, WithUser, type UserAccount } from "./use-user";
import { UserStatusTag } from "./user-status-tag";

function StaffRecord({ staffId }: { staffId: string | null }) {
  const staff = useQuery({
    ...trpc.staff.get.queryOptions({ id: staffId ?? "" }),
    enabled: staffId != null,
  });
  if (staffId == null) return <>Not linked</>;
  return (
    <Link className="govuk-link" to={`/staff/${staffId}`}>
      {staff.data?.name ?? "Their staff record"}
    </Link>
  );
}

function change(to: string, what: string) {
  return (
    <Link className="govuk-link" to={to}>
      Change<span className="govuk-visually-hidden"> {what}</span>
    </Link>
  );
}

function UserDetails({ user }: { user: UserAccount }) {
  usePageTitle(user.name);
  const me = useCurrentUser();
  const navigateWithFlash = useNavigateWithFlash();
  const reactivate = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await usersChanged();
        navigateWithFlash(`/users/${user.id}`, `${user.name} can sign in again`);
      },
    }),
  );
  const reactivateErrors = useMemo(
    () => (reactivate.error == null ? null : formErrorsFrom(reactivate.error)),
    [reactivate.error],
  );
  const yourself = user.id === me.id;
  const roleText = useRoleText();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FlashBanner />
        <ErrorSummary errors={reactivateErrors} />
        <PageHeading caption="Users">{user.name}</PageHeading>
        <SummaryList
          rows={[
            { key: "Email address", value: user.email },
            {
              key: "Role",
              value: roleText(user),
              action: yourself ? undefined : change(`/users/${user.id}/role`, "role"),
            },
            { key: "Status", value: <UserStatusTag status={user.status} /> },
            {
              key: "Last signed in",
              value: user.lastSignInAt == null ? "Never" : formatDateTime(user.lastSignInAt),
            },
            {
              key: "Staff record",
              value: <StaffRecord staffId={user.staffId} />,
              action: change(`/users/${user.id}/staff-record`, "staff record"),
            },
            {
              key: "Password",
              value: user.mustChangePassword
                ? "Reset: they must choose a new one when they next sign in"
                : user.status === "invited"
                  ? "Not set yet"
                  : "Set",
            },
            { key: "Account added", value: formatDateTime(user.createdAt) },
          ]}
        />
        <p className="govuk-body">
          A linked staff record lets a manager nominate the people they manage, and shows whose
          training is whose.
        </p>
        {yourself ? (
          <p className="govuk-body">
            To change your own password, go to{" "}
            <Link className="govuk-link" to="/account">
              My account
            </Link>
            . Another administrator must change your role or deactivate you.
          </p>
        ) : (
          <ButtonGroup>
            <ButtonLink to={`/users/${user.id}/reset-password`} variant="secondary">
              Reset password
            </ButtonLink>
            {user.active ? (
              <ButtonLink to={`/users/${user.id}/deactivate`} variant="warning">
                Deactivate
              </ButtonLink>
            ) : (
              <Button
                type="button"
                variant="secondary"
                busy={reactivate.isPending}
                onClick={() => reactivate.mutate({ id: user.id, data: { active: true } })}
              >
                Reactivate
              </Button>
            )}
          </ButtonGroup>
        )}
      </div>
    </div>
  );
}

/** One user account: its role, status, staff record and what an administrator can do to it. */
export function UserPage() {
  return (
    <>
      <BackLink to="/users">Back to users</BackLink>
      <WithUser>{(user) => <UserDetails user={user} />}</WithUser>
    </>
  );
}
