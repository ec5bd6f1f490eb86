/** A problem with a file, tied to a line (the header is line 1) and, where known, a column. */
export interface CsvIssue {
  line: number;
  column: string | null;
  message: string;
}

/** How many problems a file's report lists; the rest are only counted. */
export const MAX_LISTED_ISSUES = 100;

/**
 * The problems found in a file, in bounded memory whatever the file holds: the first `limit` by
 * line are kept (in line order, ties in the order found) and every one is counted. Problems may
 * be added in any order, so checks that run one after another (reading, then checks against
 * saved records) still report the earliest lines.
 */
export class IssueList {
  private readonly kept: CsvIssue[] = [];
  private total = 0;

  constructor(private readonly limit = MAX_LISTED_ISSUES) {}

  add(issue: CsvIssue): void {
    this.total += 1;
    const { kept } = this;
    const last = kept.at(-1);
    if (kept.length === this.limit && (last === undefined || last.line <= issue.line)) return;
    // After every kept issue on the same line or before it: reading order is usually line order,
    // so this is nearly always the end.
    let at = kept.length;
    while (at > 0 && (kept[at - 1]?.line ?? 0) > issue.line) at -= 1;
    kept.splice(at, 0, issue);
    if (kept.length > this.limit) kept.pop();
  }

  /** How many problems were found in all. */
  get count(): number {
    return this.total;
  }

  /** The first problems by line, at most the limit. */
  get listed(): CsvIssue[] {
    return [...this.kept];
  }
}
