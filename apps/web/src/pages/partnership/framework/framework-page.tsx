import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatCount } from "@dapkit/schemas";
import { formatRate } from "@dapkit/training";

import { ButtonLink } from "../../../components/button";
import { DataTable } from "../../../components/data-table";
import { FlashBanner } from "../../../components/flash-banner";
import { QueryState } from "../../../components/query-state";
import { BackLink, InsetText, PageHeading } from "../../../components/small-parts";
import { useCurrentUser } from "../../../lib/current-user";
import { usePageTitle } from "../../../lib/page-title";
import { can } from "../../../lib/permissions";
import { trpc, type Outputs } from "../../../trpc";
import { levelName, ruleCovers, type Framework, type LevelRule } from "./framework-data";

type ComplianceRow = Outputs["trainingFramework"]["compliance"]["list"]["rows"][number];
type Level = Framework["levels"][number];

function FrameworkDetails({ framework, manage }: { framework: Framework; manage: boolean }) {
  return (
    <>
      <h2 className="govuk-heading-m">{framework.name ?? "No framework yet"}</h2>
      {manage ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/partnership/framework/edit">
            {framework.name == null
              ? "Set up the framework"
              : "Change the framework and its levels"}
          </Link>
        </p>
      ) : null}
      <DataTable<Level>
        caption="Levels"
        captionSize="s"
        rows={framework.levels}
        rowKey={(row) => String(row.level)}
        exportName="framework-levels"
        empty="The framework has no levels yet."
        columns={[
          { header: "Level", rowHeader: true, cell: (row) => String(row.level) },
          { header: "Name", cell: (row) => row.name },
          {
            header: "Refresher for new courses",
            cell: (row) =>
              row.defaultRefresherMonths == null
                ? "None"
                : `Every ${formatCount(row.defaultRefresherMonths)} months`,
          },
        ]}
      />
      <h2 className="govuk-heading-m">Who needs which level</h2>
      {manage && framework.levels.length > 0 ? (
        <ButtonLink to="/partnership/framework/rules/new">Add a requirement</ButtonLink>
      ) : null}
      <DataTable<LevelRule>
        caption="Requirements"
        captionSize="visually-hidden"
        rows={framework.rules}
        rowKey={(row) => row.id}
        exportName="framework-requirements"
        empty="No requirements yet: nobody is counted as needing a level."
        columns={[
          { header: "People", rowHeader: true, cell: ruleCovers },
          { header: "Need", cell: (row) => levelName(framework, row.requiredLevel) },
          ...(manage
            ? [
                {
                  header: <span className="govuk-visually-hidden">Actions</span>,
                  notExported: true,
                  cell: (row: LevelRule) => (
                    <Link
                      className="govuk-link"
                      to={`/partnership/framework/rules/${row.id}/remove`}
                    >
                      Remove<span className="govuk-visually-hidden"> {ruleCovers(row)}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function Compliance() {
  const query = useQuery(trpc.trainingFramework.compliance.list.queryOptions({}));
  return (
    <>
      <h2 className="govuk-heading-m">Compliance by agency and level</h2>
      <QueryState query={query} what="compliance">
        {(compliance) => (
          <DataTable<ComplianceRow>
            caption="Compliance by agency and level"
            captionSize="visually-hidden"
            rows={compliance.rows}
            rowKey={(row) => `${row.agencyId}-${String(row.level)}`}
            exportName="framework-compliance"
            empty="Nothing to show: add agencies, the framework's levels and who needs them."
            columns={[
              { header: "Agency", rowHeader: true, cell: (row) => row.agencyName },
              { header: "Level", cell: (row) => `${String(row.level)}: ${row.levelName}` },
              {
                header: "People required",
                numeric: true,
                cell: (row) => formatCount(row.required),
              },
              {
                header: "Trained in date",
                numeric: true,
                cell: (row) => formatCount(row.trainedInDate),
              },
              {
                header: "Compliance",
                numeric: true,
                cell: (row) => (row.rate == null ? "Nobody required" : formatRate(row.rate)),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

/** The training framework, who needs which level, and compliance by agency and level. */
export function FrameworkPage() {
  usePageTitle("Framework and compliance");
  const user = useCurrentUser();
  const query = useQuery(trpc.trainingFramework.get.queryOptions());
  return (
    <>
      <BackLink to="/partnership">Back to the partnership</BackLink>
      <FlashBanner />
      <PageHeading caption="Partnership">Framework and compliance</PageHeading>
      {user.role === "agency_lead" ? (
        <InsetText>You see your own agency&apos;s compliance.</InsetText>
      ) : null}
      <QueryState query={query} what="training framework">
        {(framework) => (
          <FrameworkDetails framework={framework} manage={can(user, "managePartnership")} />
        )}
      </QueryState>
      <Compliance />
    </>
  );
}
