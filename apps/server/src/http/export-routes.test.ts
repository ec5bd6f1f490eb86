import type { Server } from "node:http";

import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { EXPORTS } from "../exports/registry";
import { evidenceInput } from "../services/evidence/evidence-fixtures";
import {
  LANCASHIRE_PLAN_NAME,
  lancashirePlan,
  lancashireVarianceTables,
} from "../seed/lancashire-plan";
import { createBookings, createSession, createStaff, linkManager, scopeAs } from "../test/builders";
import { callProcedure, close, listen } from "../test/http-client";
import { TEST_PASSWORD } from "../test/test-app";
import { useTwoOrganisations } from "../test/two-organisations";
import { createHttpServer } from "./create-server";
import { exportRoutes } from "./export-routes";

const t = useTwoOrganisations();
let server: Server;
let baseUrl: string;

beforeEach(async () => {
  server = createHttpServer(t.app.deps, {
    webRoot: "/nonexistent",
    routes: exportRoutes,
    trustProxy: false,
  });
  baseUrl = await listen(server);
});

afterEach(async () => {
  await close(server);
});

/** The session cookie of a user signed in over HTTP. */
async function cookieOf(user: { email: string }): Promise<string> {
  const { setCookie } = await callProcedure(baseUrl, "auth.signIn", {
    mutation: true,
    input: { email: user.email, password: TEST_PASSWORD },
  });
  return (setCookie[0] ?? "").split(";")[0] ?? "";
}

async function download(path: string, user?: { email: string }) {
  const headers = user === undefined ? undefined : { cookie: await cookieOf(user) };
  const response = await fetch(`${baseUrl}/api/export/${path}`, { headers });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

/** The text of each part of an XLSX file, by path. */
function xlsxParts(bytes: Uint8Array): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
  );
}

/** A little of everything: staff (one with a hostile name), a booked session, evidence, a plan. */
async function seed() {
  const hr = t.hr;
  const boss = createStaff(hr, { name: "Bea Boss" });
  const team = [
    createStaff(hr, { name: "=cmd|' /C calc'!A0", managerId: boss.id }),
    createStaff(hr, { name: 'Dai "The Pen" Jones, Jr', managerId: boss.id }),
  ];
  createStaff(hr, { name: "Not On The Team" });
  const session = createSession(hr);
  createBookings(hr, { sessionId: session.id, staffIds: team.map((person) => person.id) });
  await t.app.caller(t.org.users.accreditation_lead).evidence.create(evidenceInput());
  await t.app.caller(t.org.users.admin).funding.create({
    name: LANCASHIRE_PLAN_NAME,
    plan: lancashirePlan,
    varianceTables: lancashireVarianceTables,
  });
  return { boss };
}

describe("GET /api/export/:name.csv and .xlsx", () => {
  test("a CSV download: headers, file name, BOM, CRLF, quoting and neutralised formulas", async () => {
    await seed();
    const { response, bytes } = await download("staff.csv", t.org.users.hr);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="dapkit-staff-2022-04-05.csv"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text(bytes).slice(1).split("\r\n");
    // The staff import's columns, so the file imports back (see staff-round-trip.test.ts).
    expect(lines[0]).toBe(
      "Employee number,Name,Email,Job title,Department,Manager employee number,Active,Agency",
    );
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1).map((line) => line.split(",")[1])).toEqual([
      "'=cmd|' /C calc'!A0",
      "Bea Boss",
      '"Dai ""The Pen"" Jones',
      "Not On The Team",
    ]);
    expect(lines[3]).toContain(',"Dai ""The Pen"" Jones, Jr",');
  });

  test("an XLSX download holds the same rows as a workbook", async () => {
    await seed();
    const { response, bytes } = await download("nominations.xlsx", t.org.users.admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="dapkit-nominations-2022-04-05.xlsx"',
    );
    const parts = xlsxParts(bytes);
    expect(parts["xl/workbook.xml"]).toContain('<sheet name="Nominations"');
    const sheet = parts["xl/worksheets/sheet1.xml"] ?? "";
    expect(sheet).toContain(">'=cmd|' /C calc'!A0<");
    expect(sheet).toContain("Dai &quot;The Pen&quot; Jones, Jr");
    expect(sheet.match(/<row /g)).toHaveLength(3);
  });

  test("every registered export downloads in both formats, its header as declared", async () => {
    await seed();
    const cookie = await cookieOf(t.org.users.admin);
    for (const definition of EXPORTS) {
      for (const format of ["csv", "xlsx"]) {
        const response = await fetch(`${baseUrl}/api/export/${definition.name}.${format}`, {
          headers: { cookie },
        });
        const body = new Uint8Array(await response.arrayBuffer());
        if (format === "csv" && definition.sheets.length > 1) {
          // A workbook of several sheets has no CSV form.
          expect(response.status, `${definition.name}.csv`).toBe(404);
          continue;
        }
        expect(response.status, `${definition.name}.${format}`).toBe(200);
        if (format === "csv") {
          const header = text(body).slice(1).split("\r\n")[0];
          const [first] = definition.sheets;
          const table = await first.load(t.app.caller(t.org.users.admin));
          expect(header).toBe(table.header.join(","));
        }
      }
    }
  });

  test("the funding export gives each plan year's figures in pounds", async () => {
    await seed();
    const { bytes } = await download("funding-years.csv", t.org.users.viewer);
    expect(text(bytes).slice(1).split("\r\n").slice(0, 4)).toEqual([
      "Plan,Financial year,Cost (£),Partner contributions (£),Grants (£),Reserve drawdowns (£),Carried in (£),Total income (£),Carried out (£),Gap (£)",
      `${LANCASHIRE_PLAN_NAME},2013/14,1047003,1502548,0,0,0,1502548,455000,-545`,
      `${LANCASHIRE_PLAN_NAME},2014/15,1502449,1181449,0,321000,0,1502449,0,0`,
      `${LANCASHIRE_PLAN_NAME},2015/16,1502449,638449,0,409000,455000,1502449,0,0`,
    ]);
  });

  test("the evidence export names each item's priority area", async () => {
    await seed();
    const { bytes } = await download("evidence.csv", t.org.users.viewer);
    expect(text(bytes).slice(1).split("\r\n").slice(0, 2)).toEqual([
      "Priority area,Title,Kind,Owner,Status,Effective,Review by,Expires,Files,Latest file,Latest file uploaded,Updated",
      // The words the library shows, and moments as UTC ISO text to the second.
      "Policies & Procedures,Resident domestic abuse policy,Policy,Head of Housing Needs,Draft,2021-04-01,2024-04-01,2025-03-31,0,,,2022-04-05T09:00:00Z",
    ]);
  });

  test("the reports come as one workbook, a sheet per report, and not as CSV", async () => {
    await seed();
    const { response, bytes } = await download("reports.xlsx", t.org.users.hr);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="dapkit-reports-2022-04-05.xlsx"',
    );
    const parts = xlsxParts(bytes);
    expect(
      [...(parts["xl/workbook.xml"] ?? "").matchAll(/<sheet name="([^"]+)"/g)].map(
        ([, name]) => name,
      ),
    ).toEqual([
      "Uptake",
      "Uptake by department",
      "Uptake by manager",
      "Refreshers due",
      "Never trained",
    ]);
    // Two people nominated and booked, none trained yet; four active staff never trained.
    expect(parts["xl/worksheets/sheet1.xml"]).toContain(
      '<c r="A2"><v>2</v></c><c r="B2"><v>2</v></c><c r="C2"><v>0</v></c>',
    );
    // By manager is fetched page by page: a heading row and a row for each manager.
    const managers = await t.app.caller(t.org.users.hr).reports.uptakeByManager();
    expect(managers.total).toBeGreaterThan(0);
    expect(parts["xl/worksheets/sheet3.xml"]?.match(/<row /g)).toHaveLength(managers.total + 1);
    expect(parts["xl/worksheets/sheet5.xml"]?.match(/<row /g)).toHaveLength(5);
    const csv = await download("reports.csv", t.org.users.hr);
    expect(csv.response.status).toBe(404);
    expect(JSON.parse(text(csv.bytes))).toMatchObject({
      error: {
        code: "not_found",
        message:
          "The training reports export has several sheets, so it comes as a workbook: download reports.xlsx",
      },
    });
  });

  test("a paginated list is exported whole, every page of it", async () => {
    const hr = scopeAs(t.app, t.org.users.hr);
    for (let n = 0; n < 205; n += 1) createStaff(hr);
    const { bytes } = await download("staff.csv", t.org.users.hr);
    // Header, 205 people and the empty string after the last CRLF.
    expect(text(bytes).split("\r\n")).toHaveLength(207);
  });

  test("a manager's export holds only their own team, as their staff page does", async () => {
    const { boss } = await seed();
    const manager = linkManager(scopeAs(t.app, t.org.users.admin), t.org.users.manager, boss.id);
    const { bytes } = await download("staff.csv", manager);
    const body = text(bytes);
    expect(body).toContain("Dai");
    expect(body).not.toContain("Not On The Team");
  });

  test("another organisation's export holds none of this organisation's data", async () => {
    await seed();
    for (const name of ["staff", "nominations", "funding-years", "audit", "users"]) {
      const { response, bytes } = await download(`${name}.csv`, t.other.users.admin);
      expect(response.status).toBe(200);
      expect(text(bytes)).not.toMatch(/Northshire|Dai|Bea Boss|Lancashire/);
    }
  });

  test("a role the list's procedure refuses gets 403 and no data", async () => {
    await seed();
    for (const [name, user] of [
      ["users", t.org.users.hr],
      ["audit", t.org.users.viewer],
      ["funding-years", t.org.users.manager],
      ["recommendations", t.org.users.manager],
      ["evidence", t.org.users.manager],
    ] as const) {
      const { response, bytes } = await download(`${name}.xlsx`, user);
      expect(response.status, name).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(JSON.parse(text(bytes))).toEqual({
        error: { code: "forbidden", message: "Your role does not allow this", field: null },
      });
    }
  });

  test("signed out gets 401 for every export, even one that does not exist", async () => {
    for (const path of ["staff.csv", "audit.xlsx", "no-such-list.csv"]) {
      const { response, bytes } = await download(path);
      expect(response.status, path).toBe(401);
      expect(JSON.parse(text(bytes))).toMatchObject({
        error: { code: "unauthorised", message: "Sign in to continue" },
      });
    }
  });

  test("an unknown export is 404 with a message; other formats are not routed here", async () => {
    const cookie = await cookieOf(t.org.users.admin);
    const unknown = await fetch(`${baseUrl}/api/export/payroll.csv`, { headers: { cookie } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: "not_found", message: "There is no export called “payroll”", field: null },
    });
    const pdf = await fetch(`${baseUrl}/api/export/staff.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(404);
  });

  test("the file name carries the date in the UK, not in UTC", async () => {
    t.app.clock.now = new Date("2022-06-30T23:30:00.000Z");
    const { response } = await download("courses.csv", t.org.users.hr);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="dapkit-courses-2022-07-01.csv"',
    );
  });
});
