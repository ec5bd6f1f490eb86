const EXIT_CODES_HELP = `Exit codes:
  0  done, and every check passed
  1  a check found problems (a figure that does not add up; a gap, with --fail-on-gap)
  2  usage error: unknown command or option, missing file, output file not writable
  3  the input file is missing, unreadable, or not a valid plan or table
  70 dapkit itself failed (a bug): please report the message`;

/** `dapkit --help`. */
export const MAIN_HELP = `dapkit: funding plans and variance checks for domestic abuse partnerships

Usage:
  dapkit plan <plan.json|plan.yaml> [--json] [--csv <out.csv>] [--fail-on-gap]
  dapkit check-variance <table.csv> [--json] [--total-label <label>]
  dapkit help [command]
  dapkit --version

Commands:
  plan            validate a funding plan file and print each year's cost, income,
                  carry-forwards and gap, and the workstream allocation
  check-variance  check an allocation / forecast / variance table and report every
                  row or total that does not add up

Run \`dapkit <command> --help\` for a command's options.

${EXIT_CODES_HELP}
`;

/** `dapkit plan --help`. */
export const PLAN_HELP = `Usage: dapkit plan <plan.json|plan.yaml> [--json] [--csv <out.csv>] [--fail-on-gap]

Validates a funding plan (JSON, or YAML for any other extension) against the funding
plan schema, then prints a table per financial year: cost, partner contributions,
grants, reserve drawdowns, carried in, total income, carried out and the gap
(positive = shortfall), and the workstream allocation. Amounts in the file are whole
pence (amountPence: 150244900 is £1,502,449) or money in quotes ("£1,502,449",
"£0.455m"); financial years may be written 2014/15, 2014-15 or 2014/2015. Problems
are reported as file:line:column, and warnings (a carry-forward above the year's
surplus, a year without a cost line, a contribution after a partner's end date) go
to stderr.

Options:
  --json           print the computed plan as JSON (amounts in pence) instead of tables
  --csv <out.csv>  also write the computed plan as a CSV for Excel (UTF-8, CRLF)
  --fail-on-gap    exit with code 1 when any year has a gap (a shortfall)
  -h, --help       show this help

Example:
  dapkit plan examples/lancashire-joint-commission.yaml --csv lancashire.csv

${EXIT_CODES_HELP}
`;

/** `dapkit check-variance --help`. */
export const CHECK_VARIANCE_HELP = `Usage: dapkit check-variance <table.csv> [--json] [--total-label <label>]

Reads a published allocation / forecast / variance table and recomputes it: each
row's variance must be allocation - forecast, and a totals row, if present, must
match the sums of the rows. Every figure that does not add up is reported.

The CSV (comma-separated) needs a header row and at least one row. Columns are found
by name: the allocation ("Allocation" or "Budget"), the forecast ("Forecast",
"Spend", "Outturn" or "Actual"), optionally the variance ("Variance"); the first
other column (or one headed "key" or "label") names the row. Amounts may be written
as £1,502,449, 1502449, £1.5m, or in brackets when negative: (1,234). A row labelled
"Total", "Totals", "Grand total", "Total budget" and the like holds the published
totals.

Options:
  --json                 print the recomputed table and every discrepancy as JSON
  --total-label <label>  another label that marks the totals row
  -h, --help             show this help

Example:
  dapkit check-variance examples/lancashire-year-1-variance.csv

${EXIT_CODES_HELP}
`;
