import { eq } from "drizzle-orm";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { say } from "../progress";
import { seededRandom } from "../random";
import { importStaffCsv, openApp, tables, updateUser, writeCsv, type Scope } from "../server";
import { PACK_ITEMS, type SizeSpec } from "../sizes";
import { cacheDirFor } from "./cache";
import { BENCH_NOW, addDays } from "./clock";
import { generateEvidence } from "./evidence";
import { createOrganisation, type BenchOrganisation } from "./organisation";
import { planPeople, STAFF_HEADER, staffRow, type PlannedPerson } from "./people";
import { generateTraining } from "./training";

/** A generated data directory and what is in it. */
export interface Generated {
  size: SizeSpec;
  /** The organisation measured: its staff, training and evidence. */
  organisation: BenchOrganisation;
  /** A second organisation holding only the evidence pack's items and files. */
  packOrganisation: BenchOrganisation;
  seconds: number;
  sessions: number;
}

const STAFF_CHUNK = 10_000;

function importStaff(scope: Scope, people: readonly PlannedPerson[]): void {
  for (let first = 0; first < people.length; first += STAFF_CHUNK) {
    const rows = people.slice(first, first + STAFF_CHUNK).map(staffRow);
    const result = importStaffCsv(scope, {
      csv: writeCsv({ header: STAFF_HEADER, rows }),
      dryRun: false,
    });
    if (!result.written) {
      throw new Error(
        `The generated staff file was refused: ${JSON.stringify(result.errors.slice(0, 3))}`,
      );
    }
  }
}

async function build(size: SizeSpec, dataDir: string): Promise<Generated> {
  const started = Date.now();
  const random = seededRandom(20_250_115);
  const app = await openApp(dataDir);
  try {
    const organisation = await createOrganisation(app.db, {
      name: `Benchshire County Council (${size.name})`,
      slug: "benchshire",
      now: addDays(BENCH_NOW, -2_200),
    });
    const { users } = organisation;
    const setUp: Scope = { db: app.db, user: users.hr, now: addDays(BENCH_NOW, -2_200) };
    const people = planPeople(size);
    say(
      `Importing ${people.length.toLocaleString("en-GB")} staff in ${String(size.departments)} departments`,
    );
    importStaff(setUp, people);
    // The manager user is a team manager, so the by-team views have someone to show.
    const teamManager = people.find((person) => person.manages && person.managerNumber != null);
    const managerStaff =
      teamManager === undefined
        ? undefined
        : app.db
            .select({ id: tables.staff.id })
            .from(tables.staff)
            .where(eq(tables.staff.employeeNumber, teamManager.employeeNumber))
            .get();
    if (managerStaff !== undefined) {
      const admin = { ...setUp, user: users.admin };
      updateUser(admin, { id: users.manager.id, data: { staffId: managerStaff.id } });
    }
    const { sessions } = generateTraining({
      db: app.db,
      hr: users.hr,
      admin: users.admin,
      people,
      nominations: size.nominations,
      random,
    });
    say(`Adding ${size.evidence.toLocaleString("en-GB")} evidence items`);
    await generateEvidence({
      deps: app,
      lead: users.accreditation_lead,
      approver: users.admin,
      items: size.evidence,
      random,
      fileBytes: 400,
    });
    const packOrganisation = await createOrganisation(app.db, {
      name: "Packshire District Council",
      slug: "packshire",
      now: addDays(BENCH_NOW, -1_200),
    });
    say(
      `Adding the evidence pack organisation's ${PACK_ITEMS.toLocaleString("en-GB")} items with files`,
    );
    await generateEvidence({
      deps: app,
      lead: packOrganisation.users.accreditation_lead,
      approver: packOrganisation.users.admin,
      items: PACK_ITEMS,
      random,
      fileBytes: 8_000,
    });
    return {
      size,
      organisation,
      packOrganisation,
      seconds: (Date.now() - started) / 1000,
      sessions,
    };
  } finally {
    // Closing checkpoints the write-ahead log into the database file, so the file is complete.
    app.db.$client.close();
  }
}

/**
 * The generated organisation of `size`, built on first use (which takes minutes at the larger
 * sizes) and then reused from bench/.cache while the migrations and the generator are unchanged.
 */
export async function cachedGeneration(
  size: SizeSpec,
): Promise<{ dir: string; generated: Generated }> {
  const dir = cacheDirFor(size);
  const metaPath = join(dir, "meta.json");
  if (existsSync(metaPath)) {
    say(`Using the cached ${size.name} organisation (${dir})`);
    return { dir, generated: JSON.parse(readFileSync(metaPath, "utf8")) as Generated };
  }
  say(
    `Generating the ${size.name} organisation: ${size.staff.toLocaleString("en-GB")} staff, ${size.nominations.toLocaleString("en-GB")} nominations`,
  );
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const generated = await build(size, join(building, "data"));
  writeFileSync(join(building, "meta.json"), `${JSON.stringify(generated, null, 2)}\n`);
  renameSync(building, dir);
  say(`Generated the ${size.name} organisation in ${generated.seconds.toFixed(0)} s`);
  return { dir, generated };
}

/** A fresh copy of a cached data directory in a temporary folder, so benchmarks may write to it. */
export function workingCopy(cacheDir: string): string {
  const dataDir = join(mkdtempSync(join(tmpdir(), "dapkit-bench-")), "data");
  cpSync(join(cacheDir, "data"), dataDir, { recursive: true });
  return dataDir;
}
