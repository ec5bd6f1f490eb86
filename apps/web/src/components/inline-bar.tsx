/** A small bar for a rate in a table cell; the figure beside it carries the meaning. */
export function InlineBar({ rate }: { rate: number }) {
  const percent = Math.max(0, Math.min(100, rate * 100));
  return (
    <span className="app-inline-bar-track" aria-hidden="true">
      <span className="app-inline-bar" style={{ width: `${percent}%` }} />
    </span>
  );
}
