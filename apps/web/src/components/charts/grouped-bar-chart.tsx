import { formatMoney } from "@dapkit/funding";

/** One group of the chart (a financial year) with a value per series. */
export interface BarGroup {
  label: string;
  values: readonly number[];
}

const BAR = 22;
const GAP = 6;
const GROUP_GAP = 22;
const LABEL_WIDTH = 90;
const VALUE_WIDTH = 130;
const WIDTH = 720;

/**
 * Horizontal bars, one group per category, one bar per series, each labelled with its amount.
 * The numbers are drawn as text (and a table sits beside the chart) so nothing depends on colour;
 * the second series is patterned as well as a different shade.
 */
export function GroupedBarChart({
  title,
  series,
  groups,
  format = formatMoney,
}: {
  title: string;
  series: readonly [string, string];
  groups: readonly BarGroup[];
  format?: (value: number) => string;
}) {
  const max = Math.max(1, ...groups.flatMap((group) => group.values));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const groupHeight = series.length * (BAR + GAP) + GROUP_GAP;
  const height = groups.length * groupHeight;
  return (
    <figure className="govuk-!-margin-0">
      <ul className="govuk-list app-chart__legend" aria-hidden="true">
        <li>
          <span className="app-chart__legend-key app-chart__legend-key--primary" /> {series[0]}
        </li>
        <li>
          <span className="app-chart__legend-key app-chart__legend-key--secondary" /> {series[1]}
        </li>
      </ul>
      <svg className="app-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <defs>
          <pattern
            id="app-chart-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#505a5f" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
        </defs>
        {groups.map((group, groupIndex) => {
          const top = groupIndex * groupHeight;
          return (
            <g key={group.label}>
              <text className="app-chart__label" x={0} y={top + BAR + 4}>
                {group.label}
              </text>
              {group.values.map((value, seriesIndex) => {
                const y = top + seriesIndex * (BAR + GAP);
                const width = Math.max(1, (Math.max(0, value) / max) * plotWidth);
                return (
                  <g key={seriesIndex}>
                    <rect
                      x={LABEL_WIDTH}
                      y={y}
                      width={width}
                      height={BAR}
                      className={seriesIndex === 0 ? "app-chart__bar" : undefined}
                      fill={seriesIndex === 0 ? undefined : "url(#app-chart-hatch)"}
                    />
                    <text className="app-chart__value" x={LABEL_WIDTH + width + 6} y={y + BAR - 6}>
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line className="app-chart__axis" x1={LABEL_WIDTH} y1={0} x2={LABEL_WIDTH} y2={height} />
      </svg>
    </figure>
  );
}
