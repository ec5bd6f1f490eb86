import type { ReactNode } from "react";

import { useCurrentUser } from "../lib/current-user";
import { usePageTitle } from "../lib/page-title";
import { can, type Permission } from "../lib/permissions";

function NoAccess() {
  usePageTitle("You do not have access to this page");
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access to this page</h1>
      <p className="govuk-body">Your role in dapkit does not include this part of the service.</p>
      <p className="govuk-body">
        If you need it for your work, ask your dapkit administrator to change your role.
      </p>
    </>
  );
}

/** Shows its children only to users whose role has the permission (the server checks too). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const user = useCurrentUser();
  return can(user, permission) ? <>{children}</> : <NoAccess />;
}
