import { and, eq } from "drizzle-orm";

import { naiveListPage, naiveReadiness, naiveStaffRecord, naiveUptake } from "../baselines/naive";
import type { BenchContext } from "../context";
import { time } from "../measure";
import { withRatio, type Measurement } from "../results";
import { measureDeepPages } from "./deep-pages";
import { tables } from "../server";

const { staff, departments } = tables;

function target(text: string, met: boolean) {
  return { text, met };
}

// A department near the middle of the list and a sample of people with training records.
function samples(context: BenchContext) {
  const { db } = context.app;
  const organisationId = context.generated.organisation.id;
  const department = db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .all()[1];
  const people = db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.organisationId, organisationId), eq(staff.active, true)))
    .all()
    .filter((_, i) => i % 97 === 13)
    .map((row) => row.id);
  if (department === undefined || people.length === 0)
    throw new Error("The organisation has no staff");
  return { organisationId, departmentId: department.id, people };
}

/** The uptake report, a nominations page, a training record and readiness, each against its naive baseline. */
export async function measureQueries(context: BenchContext): Promise<Measurement[]> {
  const { users } = context.generated.organisation;
  const size = context.generated.size.name;
  const large = size === "large";
  const hr = context.callerOf(users.hr);
  const lead = context.callerOf(users.accreditation_lead);
  const { db } = context.app;
  const { queries, heavy } = context.runs;
  const { organisationId, departmentId, people } = samples(context);

  const uptake = await time(() => hr.reports.uptake({}), { runs: queries });
  const uptakeNaive = await time(() => naiveUptake(db, users.hr), { runs: heavy });
  const uptakeRatio = uptakeNaive.median / uptake.median;
  const byManager = await time(() => hr.reports.uptakeByManager({}), { runs: queries });

  const listInput = {
    departmentId,
    state: "fully_attended" as const,
    page: 3,
    pageSize: 50 as const,
  };
  const list = await time(() => hr.training.nominations.list(listInput), { runs: queries });
  const listNaive = await time(() => naiveListPage(db, { organisationId, ...listInput }), {
    runs: heavy,
  });

  const record = await time(
    (run) => hr.staff.get({ id: people[Math.abs(run) % people.length] ?? "" }),
    {
      runs: queries,
      warmup: 3,
    },
  );
  const recordNaive = await time(
    (run) =>
      naiveStaffRecord(db, {
        organisationId,
        staffId: people[Math.abs(run) % people.length] ?? "",
      }),
    { runs: heavy },
  );

  const deep = await measureDeepPages(context, { organisationId, departmentId });

  const readiness = await time(() => lead.evidence.readiness({}), { runs: queries });
  const readinessNaive = await time(() => naiveReadiness(db, organisationId), { runs: heavy });

  return [
    withRatio({
      size,
      name: "Uptake report (overall and by department: the dashboard), tRPC caller",
      unit: "ms",
      result: uptake,
      baseline: { name: "every nomination read into JS and counted", result: uptakeNaive },
      targets: large
        ? [
            target("p95 < 50 ms", uptake.p95 < 50),
            target("≥ 5× the naive baseline", uptakeRatio >= 5),
          ]
        : [],
    }),
    withRatio({
      size,
      name: "Uptake by manager, first page of 50, tRPC caller",
      unit: "ms",
      result: byManager,
      baseline: { name: "every nomination read into JS and counted", result: uptakeNaive },
      targets: [],
    }),
    withRatio({
      size,
      name: "Nomination list page (department + state filter, page 3 of 50)",
      unit: "ms",
      result: list,
      baseline: { name: "every matching row read, sorted and sliced in JS", result: listNaive },
      targets: large ? [target("p95 < 20 ms", list.p95 < 20)] : [],
    }),
    withRatio({
      size,
      name: "One member of staff's training record",
      unit: "ms",
      result: record,
      baseline: {
        name: "every nomination read, the person's picked out in JS",
        result: recordNaive,
      },
      targets: large ? [target("p95 < 10 ms", record.p95 < 10)] : [],
    }),
    withRatio({
      size,
      name: `Readiness per DAHA area (${context.generated.size.evidence.toLocaleString("en-GB")} evidence items, live uptake)`,
      unit: "ms",
      result: readiness,
      baseline: {
        name: "all evidence and every nomination's state read into JS",
        result: readinessNaive,
      },
      targets: [],
    }),
    ...deep,
  ];
}
