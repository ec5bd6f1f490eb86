import { formatCount } from "@dapkit/schemas";

/** One stage of the funnel. */
export interface FunnelStage {
  label: string;
  value: number;
  /** Stages that fall out of the funnel (no shows, cancellations) are drawn in a second style. */
  kind?: "stage" | "outcome";
}

const ROW = 36;
const LABEL_WIDTH = 170;
const WIDTH = 520;
const VALUE_SPACE = 56;

/**
 * The uptake funnel as horizontal bars: each bar's length is its share of the first stage, and
 * its count is written beside it, so the chart reads without colour and the figures are text.
 * Screen readers get the same figures from the list beside it; the SVG is hidden from them.
 */
export function FunnelChart({ stages }: { stages: readonly FunnelStage[] }) {
  const max = Math.max(1, ...stages.map((stage) => stage.value));
  const plot = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  return (
    <svg
      className="app-chart"
      viewBox={`0 0 ${WIDTH} ${stages.length * ROW}`}
      aria-hidden="true"
      focusable="false"
    >
      {stages.map((stage, index) => {
        const y = index * ROW;
        const width = stage.value === 0 ? 0 : Math.max(2, (stage.value / max) * plot);
        return (
          <g key={stage.label}>
            <text className="app-chart__label" x={0} y={y + 21}>
              {stage.label}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 4}
              width={width}
              height={ROW - 10}
              className={stage.kind === "outcome" ? "app-chart__bar--secondary" : "app-chart__bar"}
            />
            <text className="app-chart__value" x={LABEL_WIDTH + width + 6} y={y + 21}>
              {formatCount(stage.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
