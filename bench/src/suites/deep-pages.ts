import { londonToday } from "@dapkit/schemas";

import { naiveEvidencePage, naiveListPage } from "../baselines/naive";
import { BENCH_NOW } from "../generate/clock";
import { refreshersDue } from "../server";
import type { BenchContext } from "../context";
import { time, type Timing } from "../measure";
import { withRatio, type Measurement } from "../results";

const PAGE_SIZE = 50;

interface Paged {
  total: number;
  next: string | null;
}

// The middle page of a list (the deepest a person paging from either end reaches), and the
// position to ask for it by key: the `next` of the page before it, asked for once by number.
async function middlePage(ask: (page: number, after?: string) => Promise<Paged>) {
  const { total } = await ask(1);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.max(2, Math.floor(pages / 2));
  const before = await ask(page - 1);
  if (before.next == null) throw new Error(`The list has no page ${String(page)}`);
  return { page, pages, after: before.next };
}

function deepNote(page: number, pages: number, baseline: string): string {
  return `page ${page.toLocaleString("en-GB")} of ${pages.toLocaleString("en-GB")}, asked for after the last row of the page before; ${baseline}`;
}

/**
 * The middle page of the longest lists, found by key (issue #19's target: p95 < 20 ms at any depth
 * at the large size): nominations narrowed by department and state (against every match read and
 * sorted in JavaScript, and against the same page by number), the staff list and the audit log
 * (against the same page by number, which SQLite finds by counting past every row before it), the
 * never trained and the refreshers due (against the same page by number), and
 * the evidence library, whole and narrowed to the status items have today (against every item read,
 * its status worked out, sorted and sliced in JavaScript).
 */
export async function measureDeepPages(
  context: BenchContext,
  nominationFilter: { organisationId: string; departmentId: string },
): Promise<Measurement[]> {
  const { users } = context.generated.organisation;
  const size = context.generated.size.name;
  const large = size === "large";
  const { queries, heavy } = context.runs;
  const hr = context.callerOf(users.hr);
  const admin = context.callerOf(users.admin);
  const lead = context.callerOf(users.accreditation_lead);
  const { organisationId } = nominationFilter;
  const today = londonToday(BENCH_NOW);
  const filter = { departmentId: nominationFilter.departmentId, state: "fully_attended" as const };

  const lists: {
    name: string;
    ask: (page: number, after?: string) => Promise<Paged>;
    naive?: (page: number) => unknown;
    naiveName?: string;
  }[] = [
    {
      name: "Nomination list (department + state), middle page by key",
      ask: (page, after) =>
        hr.training.nominations.list({ ...filter, page, pageSize: PAGE_SIZE, after }),
      naive: (page) =>
        naiveListPage(context.app.db, {
          ...nominationFilter,
          ...filter,
          page,
          pageSize: PAGE_SIZE,
        }),
    },
    {
      name: "Staff list, middle page by key",
      ask: (page, after) => hr.staff.list({ page, pageSize: PAGE_SIZE, after }),
    },
    {
      name: "Audit log, middle page by key",
      ask: (page, after) => admin.audit.list({ page, pageSize: PAGE_SIZE, after }),
    },
    {
      name: "Never trained, middle page by key",
      ask: (page, after) => hr.reports.neverTrained({ page, pageSize: PAGE_SIZE, after }),
    },
    {
      name: "Refreshers due, middle page by key",
      ask: (page, after) => hr.reports.refreshersDue({ page, pageSize: PAGE_SIZE, after }),
      // Before it was kept, each page worked the whole list out again.
      naive: () => refreshersDue(context.scopeOf(users.hr), {}),
      naiveName: "the whole list worked out again, as each page did before the list was kept",
    },
    {
      name: "Evidence library, middle page by key",
      ask: (page, after) => lead.evidence.list({ page, pageSize: PAGE_SIZE, after }),
      naive: (page) =>
        naiveEvidencePage(context.app.db, { organisationId, today, page, pageSize: PAGE_SIZE }),
    },
    {
      name: "Evidence approved today, middle page by key",
      ask: (page, after) =>
        lead.evidence.list({ status: "approved", page, pageSize: PAGE_SIZE, after }),
      naive: (page) =>
        naiveEvidencePage(context.app.db, {
          organisationId,
          today,
          status: "approved",
          page,
          pageSize: PAGE_SIZE,
        }),
    },
  ];
  const measurements: Measurement[] = [];
  for (const list of lists) {
    const { page, pages, after } = await middlePage(list.ask);
    const byKey = await time(() => list.ask(page, after), { runs: queries });
    const byNumber: Timing = await time(() => list.ask(page), { runs: queries });
    const naive = list.naive;
    const baseline =
      naive === undefined
        ? { name: "the same page by number (OFFSET)", result: byNumber }
        : {
            name: list.naiveName ?? "every matching row read, sorted and sliced in JS",
            result: await time(() => naive(page), { runs: heavy }),
          };
    measurements.push(
      withRatio({
        size,
        name: list.name,
        unit: "ms",
        result: byKey,
        baseline,
        targets: large
          ? [
              { text: "p95 < 20 ms", met: byKey.p95 < 20 },
              {
                text: "≥ 10× the naive baseline",
                met: baseline.result.median / byKey.median >= 10,
              },
            ]
          : [],
        notes: deepNote(
          page,
          pages,
          naive === undefined
            ? "the baseline is the same page by number"
            : `by number it took ${byNumber.median.toFixed(1)} ms (median), ${byNumber.p95.toFixed(1)} ms (p95)`,
        ),
      }),
    );
  }
  return measurements;
}
