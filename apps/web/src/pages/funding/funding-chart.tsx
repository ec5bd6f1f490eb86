import { formatMoney } from "@dapkit/funding";

import { gapWords } from "./gap-words";

/** One year's figures for the chart. */
export interface ChartYear {
  financialYear: string;
  costPence: number;
  income: {
    contributionsPence: number;
    grantsPence: number;
    reserveDrawdownsPence: number;
    carryForwardInPence: number;
  };
  gapPence: number;
}

// Each kind of income, shaded and patterned so that no kind is told apart by colour alone.
const KINDS = [
  { key: "contributionsPence", label: "Partner contributions", fill: "#1d70b8" },
  { key: "grantsPence", label: "Grants", fill: "#00703c" },
  { key: "reserveDrawdownsPence", label: "Reserve drawdowns", fill: "url(#app-funding-hatch)" },
  { key: "carryForwardInPence", label: "Carried in", fill: "url(#app-funding-dots)" },
] as const;

const WIDTH = 720;
const LABEL = 80;
const VALUE = 110;
const BAR = 22;
// Two bars, then a line of text for the gap, then space before the next year.
const GROUP = 3 * BAR + 30;

/**
 * Each year's cost beside its income stacked by kind, with the gap written out: the figures are in
 * the table that follows, which is the chart's text alternative.
 */
export function FundingChart({ title, years }: { title: string; years: readonly ChartYear[] }) {
  const max = Math.max(
    1,
    ...years.flatMap((year) => [
      year.costPence,
      KINDS.reduce((sum, kind) => sum + year.income[kind.key], 0),
    ]),
  );
  const plot = WIDTH - LABEL - VALUE;
  const scale = (pence: number) => (Math.max(0, pence) / max) * plot;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <ul className="govuk-list app-chart__legend" aria-hidden="true">
        <li>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <rect width="16" height="16" fill="#505a5f" />
          </svg>{" "}
          Cost
        </li>
        {KINDS.map((kind) => (
          <li key={kind.key}>
            <svg width="16" height="16" aria-hidden="true" focusable="false">
              <rect width="16" height="16" fill={kind.fill} stroke="#0b0c0c" />
            </svg>{" "}
            {kind.label}
          </li>
        ))}
      </ul>
      <svg
        className="app-chart"
        viewBox={`0 0 ${String(WIDTH)} ${String(years.length * GROUP)}`}
        role="img"
        aria-label={title}
      >
        <defs>
          <pattern
            id="app-funding-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#f47738" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#0b0c0c" strokeWidth="2" />
          </pattern>
          <pattern id="app-funding-dots" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#ffdd00" />
            <circle cx="3" cy="3" r="1.5" fill="#0b0c0c" />
          </pattern>
        </defs>
        {years.map((year, index) => {
          const top = index * GROUP;
          let x = LABEL;
          const income = KINDS.reduce((sum, kind) => sum + year.income[kind.key], 0);
          return (
            <g key={year.financialYear}>
              <text x="0" y={top + BAR} className="app-chart__label">
                {year.financialYear}
              </text>
              <rect x={LABEL} y={top} width={scale(year.costPence)} height={BAR} fill="#505a5f" />
              <text
                x={LABEL + scale(year.costPence) + 6}
                y={top + BAR - 6}
                className="app-chart__value"
              >
                {formatMoney(year.costPence)}
              </text>
              {KINDS.map((kind) => {
                const width = scale(year.income[kind.key]);
                const rect = (
                  <rect
                    key={kind.key}
                    x={x}
                    y={top + BAR + 4}
                    width={width}
                    height={BAR}
                    fill={kind.fill}
                    stroke="#0b0c0c"
                    strokeWidth={width > 0 ? 1 : 0}
                  />
                );
                x += width;
                return rect;
              })}
              <text x={x + 6} y={top + 2 * BAR - 2} className="app-chart__value">
                {formatMoney(income)}
              </text>
              <text x={LABEL} y={top + 3 * BAR + 4} className="app-chart__value">
                Gap: {gapWords(year.gapPence)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
