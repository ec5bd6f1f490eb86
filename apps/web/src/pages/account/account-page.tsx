import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { ROLE_LABELS, SIGN_IN_METHOD_LABELS } from "@dapkit/contract";
import { formatDateTime } from "@dapkit/schemas";

import { ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../lib/page-title";
import { trpc, type Outputs } from "../../trpc";
import { TOKEN_STATUS_TAGS } from "./account-words";

type Account = Outputs["account"]["get"];
type SignIn = Outputs["account"]["recentSignIns"][number];
type Token = Outputs["account"]["tokens"]["list"][number];

function when(instant: string | null, never = "Never"): string {
  return instant == null ? never : formatDateTime(instant);
}

function Details({ account }: { account: Account }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: "Name", value: account.name },
          { key: "Email address", value: account.email },
          { key: "Role", value: ROLE_LABELS[account.role] },
          { key: "Organisation", value: account.organisationName },
          { key: "Last signed in", value: when(account.lastSignInAt) },
        ]}
      />
      <p className="govuk-body">
        Only an administrator can change your name, email address or role.
      </p>
      <h2 className="govuk-heading-m">Password</h2>
      {!account.passwordSignInAllowed ? (
        <p className="govuk-body">
          Your organisation signs in with single sign-on only, so there is no dapkit password to
          change.
        </p>
      ) : account.hasPassword ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/password">
            Change your password
          </Link>
        </p>
      ) : (
        <p className="govuk-body">
          You sign in with single sign-on and have no dapkit password. An administrator can reset
          your password to give you a link to set one.
        </p>
      )}
    </>
  );
}

function SignIns() {
  const signIns = useQuery(trpc.account.recentSignIns.queryOptions());
  return (
    <QueryState query={signIns} what="recent sign-ins">
      {(rows) => (
        <DataTable<SignIn>
          caption="Recent sign-ins"
          rows={rows}
          rowKey={(row) => `${row.at}-${row.method}-${String(row.succeeded)}`}
          downloadable={false}
          empty="There are no sign-ins to show."
          columns={[
            { header: "When", cell: (row) => formatDateTime(row.at), rowHeader: true },
            {
              header: "Result",
              cell: (row) => (row.succeeded ? "Signed in" : <strong>Failed attempt</strong>),
            },
            { header: "How", cell: (row) => SIGN_IN_METHOD_LABELS[row.method] },
            { header: "From address", cell: (row) => row.source ?? "Not recorded" },
          ]}
        />
      )}
    </QueryState>
  );
}

function Tokens() {
  const tokens = useQuery(trpc.account.tokens.list.queryOptions());
  return (
    <>
      <h2 className="govuk-heading-m">API tokens</h2>
      <p className="govuk-body">
        A script or the dapkit SDK uses a token to act as you: it can do what your role can do,
        until it expires or you revoke it.
      </p>
      <ButtonLink to="/account/tokens/new" variant="secondary">
        Create an API token
      </ButtonLink>
      <QueryState query={tokens} what="API tokens">
        {(rows) => (
          <DataTable<Token>
            caption="Your API tokens"
            captionSize="visually-hidden"
            rows={rows}
            rowKey={(token) => token.id}
            downloadable={false}
            empty="You have no API tokens."
            columns={[
              { header: "Name", cell: (token) => token.name, rowHeader: true },
              {
                header: "Status",
                cell: (token) => {
                  const { text, colour } = TOKEN_STATUS_TAGS[token.status];
                  return <strong className={`govuk-tag govuk-tag--${colour}`}>{text}</strong>;
                },
              },
              { header: "Created", cell: (token) => formatDateTime(token.createdAt) },
              { header: "Expires", cell: (token) => formatDateTime(token.expiresAt) },
              { header: "Last used", cell: (token) => when(token.lastUsedAt) },
              {
                header: <span className="govuk-visually-hidden">Actions</span>,
                notExported: true,
                cell: (token) =>
                  token.status === "active" ? (
                    <Link className="govuk-link" to={`/account/tokens/${token.id}/revoke`}>
                      Revoke<span className="govuk-visually-hidden"> {token.name}</span>
                    </Link>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

/** The signed-in person's own account: password, where they are signed in, and API tokens. */
export function AccountPage() {
  usePageTitle("My account");
  const account = useQuery(trpc.account.get.queryOptions());
  return (
    <>
      <FlashBanner />
      <h1 className="govuk-heading-l">My account</h1>
      <QueryState query={account} what="account">
        {(data) => <Details account={data} />}
      </QueryState>
      <h2 className="govuk-heading-m">Where you are signed in</h2>
      <p className="govuk-body">
        If you think someone else has used your account, sign out everywhere, then change your
        password.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/sign-out-everywhere">
          Sign out everywhere
        </Link>
      </p>
      <SignIns />
      <Tokens />
    </>
  );
}
