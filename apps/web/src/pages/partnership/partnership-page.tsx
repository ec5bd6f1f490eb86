import { Link } from "react-router";

import { InsetText, PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { PARTNERSHIP_LINKS } from "./partnership-links";
import { PartnershipSwitch } from "./partnership-switch";

/** The partnership area's landing page: its pages the user may see, and the partnership switch. */
export function PartnershipPage() {
  usePageTitle("Partnership");
  const user = useCurrentUser();
  const links = PARTNERSHIP_LINKS.filter((link) => can(user, link.permission));
  return (
    <>
      <PageHeading caption="Multi-agency training">Partnership</PageHeading>
      {user.runsAsPartnership ? null : (
        <InsetText>Your organisation does not run as a partnership of agencies.</InsetText>
      )}
      <ul className="govuk-list govuk-list--spaced">
        {links.map((link) => (
          <li key={link.href}>
            <Link className="govuk-link govuk-!-font-weight-bold" to={link.href}>
              {link.title}
            </Link>
            <p className="govuk-body govuk-!-margin-bottom-0">{link.description}</p>
          </li>
        ))}
      </ul>
      {can(user, "managePartnership") ? <PartnershipSwitch /> : null}
    </>
  );
}
