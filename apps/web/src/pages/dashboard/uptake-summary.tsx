import { formatCount } from "@dapkit/schemas";
import { formatRate } from "@dapkit/training";

import { FunnelChart } from "../../components/charts/funnel-chart";
import { DataTable } from "../../components/data-table";

/** The funnel's figures, as @dapkit/training's uptakeFunnel counts them. */
export interface FunnelFigures {
  nominated: number;
  booked: number;
  attended: number;
  noShow: number;
  unableToAttend: number;
  cancelled: number;
  attendanceRate: number;
}

/** "56 of 90 nominated staff attended (62.2%)". */
export function uptakeSentence(
  figures: Pick<FunnelFigures, "nominated" | "attended" | "attendanceRate">,
): string {
  return `${formatCount(figures.attended)} of ${formatCount(figures.nominated)} nominated staff attended (${formatRate(figures.attendanceRate)})`;
}

/** The headline sentence, the funnel chart and the same figures as a list. */
export function UptakeSummary({ figures }: { figures: FunnelFigures }) {
  const stages = [
    { label: "Nominated", value: figures.nominated },
    { label: "Booked", value: figures.booked },
    { label: "Attended", value: figures.attended },
    { label: "No show", value: figures.noShow, kind: "outcome" as const },
    { label: "Unable to attend", value: figures.unableToAttend, kind: "outcome" as const },
    { label: "Cancelled", value: figures.cancelled, kind: "outcome" as const },
  ];
  return (
    <section aria-labelledby="uptake-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="uptake-heading">
        Training uptake
      </h2>
      <div className="app-stat">
        <p className="govuk-body govuk-!-margin-bottom-0" data-testid="uptake-sentence">
          <span className="app-stat__figure">{formatRate(figures.attendanceRate)}</span>
          {uptakeSentence(figures)}
        </p>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FunnelChart stages={stages} />
        </div>
        <div className="govuk-grid-column-one-third">
          <div data-testid="funnel-figures">
            <DataTable
              caption="From nomination to attendance"
              captionSize="s"
              rows={stages}
              rowKey={(stage) => stage.label}
              downloadable={false}
              columns={[
                { header: "Stage", rowHeader: true, cell: (stage) => stage.label },
                { header: "Staff", numeric: true, cell: (stage) => formatCount(stage.value) },
              ]}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
